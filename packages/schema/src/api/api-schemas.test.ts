import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

// The web app derives its API types from these modules and the server validates with them, so
// they must stay browser-safe: TypeBox and this package, nothing else (no store, no Fastify).
describe('HTTP API schemas', () => {
  const dir = new URL('./', import.meta.url);
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it.each(sources)('%s imports only TypeBox and @baton/schema itself', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const specifiers = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const s of specifiers) expect(s).toMatch(/^(@sinclair\/typebox|\.\.?\/)/);
  });

  it.each(sources.filter((f) => f !== 'index.ts'))('%s is re-exported from index.ts', (file) => {
    const index = readFileSync(new URL('index.ts', dir), 'utf8');
    expect(index).toContain(`export * from './${file.replace(/\.ts$/, '.js')}';`);
  });

  it('gives every shared schema ($id) one definition', () => {
    const ids = Object.values(api)
      .map((v) => (typeof v === 'object' && v !== null ? (v as { $id?: unknown }).$id : undefined))
      .filter((id): id is string => typeof id === 'string');
    expect(new Set(ids).size).toBe(ids.length);
  });
});
