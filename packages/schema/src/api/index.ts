/**
 * TypeBox schemas of the HTTP API, one module per area. The server validates and documents its
 * routes with them (OpenAPI); the web app derives its request and response types from them
 * (`Static<typeof X>`, type-only imports), so the two cannot drift apart unnoticed.
 *
 * A subpath (`@baton/schema/api`), not the package root: some names (`TraceDiff`, `VersionState`)
 * are a schema value here and a plain type at the root.
 */
export type { Static } from '@sinclair/typebox';
export * from './common-schemas.js';
export * from './auth-schemas.js';
export * from './audit-schemas.js';
export * from './flow-schemas.js';
export * from './approval-schemas.js';
export * from './contract-schemas.js';
export * from './run-schemas.js';
export * from './replay-schemas.js';
export * from './batch-schemas.js';
export * from './schedule-schemas.js';
export * from './template-schemas.js';
export * from './owner-schemas.js';
export * from './inbox-schemas.js';
export * from './metrics-schemas.js';
export * from './playbook-schemas.js';
export * from './connection-schemas.js';
export * from './dead-letter-schemas.js';
export * from './health-schemas.js';
export * from './webhook-secret-schemas.js';
