import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runListQuery } from '../src/sqlite/sqlite-runs.js';
import { openSqliteStore } from '../src/sqlite/sqlite-store.js';
import type { Store } from '../src/store.js';
import { at, sampleSource } from './fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'baton-run-search-'));
const file = join(root, 'baton.sqlite');
let store: Store;

// 3,000 runs of one flow (more than a search sorts from the key indexes), newest last.
beforeAll(async () => {
  store = await openSqliteStore({ file });
  for (const id of ['orders', 'other']) {
    await store.flows.create({ id, name: id, description: '', draft: sampleSource(), now: at(0) });
  }
  const db = new Database(file);
  // Rows straight in: the runs need no version row for what is measured here.
  db.pragma('foreign_keys = OFF');
  const insert = db.prepare(`INSERT INTO runs (id, flow_id, version, status, record_key, idempotency_key,
      payload_hash, input, received_at, finished_at, attempts)
    VALUES (?, ?, 1, 'succeeded', ?, ?, 'h', '{}', ?, ?, 1)`);
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) {
      const receivedAt = new Date(Date.UTC(2026, 2, 15) + i * 1000).toISOString();
      insert.run(
        `run_${String(i).padStart(5, '0')}`,
        'orders',
        `SO-${10000 + i}`,
        `key-${i}`,
        receivedAt,
        receivedAt,
      );
    }
  })();
  db.close();
});

afterAll(async () => {
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

const ids = async (query: Parameters<Store['runs']['list']>[0]) =>
  (await store.runs.list(query)).items.map((r) => r.id);

describe('runs search within one flow (SQLite)', () => {
  it('looks a narrow search up in the key indexes instead of walking the flow’s runs', () => {
    const db = new Database(file, { readonly: true });
    try {
      const plan = (keyIndexes: boolean) => {
        const { sql, params } = runListQuery({ flowId: 'orders', search: 'SO-11234', limit: 50 }, keyIndexes);
        return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
          .map((row) => row.detail)
          .join(' | ');
      };
      // What SQLite picks on its own: every run of the flow, newest first (the case this avoids).
      expect(plan(false)).toContain('runs_flow_received');
      expect(plan(true)).toContain('MULTI-INDEX OR');
      expect(plan(true)).toContain('runs_record_key');
      expect(plan(true)).toContain('runs_flow_idempotency');
      expect(plan(true)).not.toContain('runs_flow_received');
    } finally {
      db.close();
    }
  });

  it('answers narrow and broad searches with the same pages either way', async () => {
    expect(await ids({ flowId: 'orders', search: 'SO-11234', limit: 50 })).toEqual(['run_01234']);
    expect(await ids({ flowId: 'orders', search: 'key-7', limit: 50 })).toEqual(['run_00007']);
    expect(await ids({ flowId: 'other', search: 'SO-11234', limit: 50 })).toEqual([]);
    // 100 matches (SO-11100 … SO-11199): sorted from the key indexes; newest first, paged.
    const narrow = await store.runs.list({ flowId: 'orders', search: 'SO-111', limit: 60 });
    expect(narrow.items).toHaveLength(60);
    expect(narrow.items[0]!.id).toBe('run_01199');
    const rest = await ids({ flowId: 'orders', search: 'SO-111', limit: 60, cursor: narrow.nextCursor! });
    expect(rest).toHaveLength(40);
    expect(rest[0]).toBe('run_01139');
    expect(rest.at(-1)).toBe('run_01100');
    // 3,000 matches: more than the cap, so the page comes from walking the runs newest first.
    expect(await ids({ flowId: 'orders', search: 'SO-', limit: 3 })).toEqual([
      'run_02999',
      'run_02998',
      'run_02997',
    ]);
    expect(await store.runs.counts({ flowId: 'orders', search: 'SO-111' })).toEqual({
      total: 100,
      byStatus: { succeeded: 100 },
    });
  });
});
