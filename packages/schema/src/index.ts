export * from './version.js';
export * from './value.js';
export * from './contract.js';
export * from './source.js';
export * from './plan.js';
export * from './diagnostic.js';
export * from './trace.js';
export * from './canonical-json.js';
