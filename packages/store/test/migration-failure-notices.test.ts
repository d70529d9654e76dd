import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../src/sqlite/migrations.js';

const root = mkdtempSync(join(tmpdir(), 'baton-store-m8-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const insertRun = (db: Database.Database, id: string, status: string) =>
  db
    .prepare(
      `INSERT INTO runs (id, flow_id, version, status, idempotency_key, payload_hash, input, received_at, finished_at)
       VALUES (?, 'orders', 1, ?, ?, 'h', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z')`,
    )
    .run(id, status, id);

describe('migration 8: inbox items for failed runs', () => {
  it('keeps existing inbox items, allows the failed kind, and treats earlier failures as history', () => {
    const db = new Database(join(root, 'baton.sqlite'));
    applyMigrations(db, 7);
    // The fixture run needs no flow or version behind it: only its status matters here.
    db.pragma('foreign_keys = OFF');
    insertRun(db, 'run_old_failed', 'failed');
    db.prepare(
      `INSERT INTO inbox_items (id, owner_id, kind, run_id, flow_id, message, record, status, created_at)
       VALUES ('ibx_1', 'crm-admin', 'follow_up', 'run_x', 'orders', 'check', '{"a":1}', 'open', '2026-01-01T00:00:00.000Z')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO inbox_items (id, owner_id, kind, run_id, flow_id, message, record, status, created_at)
           VALUES ('ibx_2', 'ops-lead', 'failed', 'run_y', 'orders', 'x', '{}', 'open', '2026-01-01T00:00:00.000Z')`,
        )
        .run(),
    ).toThrow(/CHECK/);

    expect(applyMigrations(db, 8)).toEqual([8]);
    expect(db.prepare('SELECT id, kind, record FROM inbox_items').all()).toEqual([
      { id: 'ibx_1', kind: 'follow_up', record: '{"a":1}' },
    ]);
    db.prepare(
      `INSERT INTO inbox_items (id, owner_id, kind, run_id, flow_id, message, record, status, created_at)
       VALUES ('ibx_2', 'ops-lead', 'failed', 'run_y', 'orders', 'x', '{}', 'open', '2026-01-01T00:00:00.000Z')`,
    ).run();
    expect(db.prepare('SELECT run_id FROM notified_runs').all()).toEqual([{ run_id: 'run_old_failed' }]);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM inbox_items WHERE owner_id = 'x' AND status = 'open'")
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('inbox_owner');
    db.close();
  });
});
