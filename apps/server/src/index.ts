export { buildApp, type AppDeps } from './app.js';
export { loadConfig, ConfigError, type Config } from './config.js';
export { SqliteDownstream, DownstreamError } from './targets/sqlite-downstream.js';
