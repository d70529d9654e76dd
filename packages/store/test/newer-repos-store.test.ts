import { sqliteBackend } from './backends.js';
import { describeNewerReposContract } from './newer-repos-contract.js';

describeNewerReposContract(sqliteBackend());
