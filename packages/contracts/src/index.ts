export {
  contractToJsonSchema,
  fieldToJsonSchema,
  BATON_KEYWORDS,
  JSON_SCHEMA_DIALECT,
  type JsonSchema,
} from './json-schema.js';
export {
  createContractValidator,
  type ContractOutcome,
  type ContractResult,
  type ContractValidator,
} from './validator.js';
export { contractCacheStats, type ContractCacheStats } from './contract-cache.js';
export {
  classifyContractChange,
  type ContractChange,
  type ContractChangeKind,
  type ContractChangeReport,
} from './classify-change.js';
export { piiFields, maskRecord, MASKED } from './pii.js';
export { patternError, PATTERN_FLAGS } from './pattern.js';
export { jsonSchemaToContract } from './json-schema-import.js';
export { contractToOdcs, odcsToContract, ODCS_API_VERSION, type OdcsExportOptions } from './odcs.js';
export { ContractImportError } from './import-error.js';
export { inferContract } from './infer-contract.js';
