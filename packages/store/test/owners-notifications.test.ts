import { sqliteBackend } from './backends.js';
import { describeOwnersContract } from './owners-contract.js';

describeOwnersContract(sqliteBackend());
