import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../src/sqlite/migrations.js';
import { openSqliteStore } from '../src/sqlite/sqlite-store.js';
import { sqliteBackend } from './backends.js';
import { describeReliabilityContract } from './reliability-contract.js';

const root = mkdtempSync(join(tmpdir(), 'baton-store-rel-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeReliabilityContract(sqliteBackend());

describe('migrations landing out of order', () => {
  it('applies a migration whose row is missing instead of skipping it as older than the newest', async () => {
    const file = join(root, 'gap', 'baton.sqlite');
    const store = await openSqliteStore({ file });
    await store.close();
    const db = new Database(file);
    // Pretend migration 1's row is missing, as if it had landed after the others.
    const [lowest] = db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as Array<{
      id: number;
    }>;
    db.prepare('DELETE FROM schema_migrations WHERE id = ?').run(lowest!.id);
    expect(() => applyMigrations(db)).toThrow(); // its tables exist: re-running it fails loudly, not silently skipped
    db.close();
  });
});
