import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/sqlite/sqlite-store.js';
import { sqliteBackend } from './backends.js';
import { describeTriggersContract } from './triggers-contract.js';

describeTriggersContract(sqliteBackend());

const root = mkdtempSync(join(tmpdir(), 'baton-store-trg-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('migration 9 on a file from before it', () => {
  it('keeps existing connections and accepts the jsonl-file kind', async () => {
    const file = join(root, 'old', 'baton.sqlite');
    const old = await openSqliteStore({ file, migrateTo: 8 });
    const now = new Date().toISOString();
    await old.connections.put({
      name: 'crm',
      kind: 'http',
      config: { url: 'https://crm' },
      secret: null,
      createdAt: now,
      updatedAt: now,
    });
    await old.close();
    const db = new Database(file);
    expect(() =>
      db.prepare("INSERT INTO connections VALUES ('f', 'jsonl-file', '{}', NULL, 'x', 'x')").run(),
    ).toThrow(/CHECK/);
    db.close();

    const store = await openSqliteStore({ file });
    expect(store.migration.appliedNow).toContain(9);
    expect((await store.connections.get('crm'))?.kind).toBe('http');
    await store.connections.put({
      name: 'out',
      kind: 'jsonl-file',
      config: { file: 'out.jsonl' },
      secret: null,
      createdAt: now,
      updatedAt: now,
    });
    expect((await store.connections.list()).map((c) => c.name).sort()).toEqual(['crm', 'out']);
    await store.close();
  });
});
