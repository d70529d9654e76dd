import { postgresBackend } from './backends.js';
import { describeGovernanceContract } from './governance-contract.js';
import { describeNewerReposContract } from './newer-repos-contract.js';
import { describeOwnersContract } from './owners-contract.js';
import { describeReliabilityContract } from './reliability-contract.js';
import { describeStoreContract } from './store-contract.js';
import { describeTriggersContract } from './triggers-contract.js';

// The shared suites, unchanged, on PostgreSQL: each store on a schema of its own.
const backend = postgresBackend();

describeStoreContract(backend.name, backend.open);
describeGovernanceContract(backend);
describeReliabilityContract(backend);
describeOwnersContract(backend);
describeNewerReposContract(backend);
describeTriggersContract(backend);
