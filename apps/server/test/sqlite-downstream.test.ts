import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { UpsertRequest } from '@baton/nodes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DownstreamError, SqliteDownstream } from '../src/targets/sqlite-downstream.js';
import { tempDir } from './test-app.js';

describe('SqliteDownstream (a real downstream.sqlite)', () => {
  let dir: string;
  let file: string;
  let target: SqliteDownstream;

  const request = (row: Record<string, unknown>, overrides: Partial<UpsertRequest> = {}): UpsertRequest => ({
    target: { connection: 'downstream', table: 'orders' },
    keyFields: ['order_id'],
    row,
    onConflict: 'update',
    columns: [
      { name: 'order_id', type: 'string' },
      { name: 'total_cents', type: 'integer' },
      { name: 'ratio', type: 'number' },
      { name: 'vip', type: 'boolean' },
      { name: 'note' },
    ],
    idempotencyKey: `flow:${String(row.order_id)}`,
    ...overrides,
  });

  /** What another process sees: a separate read-only connection. */
  function inspect<T>(fn: (db: Database.Database) => T): T {
    const db = new Database(file, { readonly: true });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  }
  const rows = (table = 'orders') =>
    inspect((db) => db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all());

  beforeEach(() => {
    dir = tempDir('baton-downstream-');
    file = join(dir, 'downstream.sqlite');
    target = new SqliteDownstream(file);
  });
  afterEach(() => {
    target.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the table from the columns with affinities and a unique key, in WAL mode', async () => {
    expect(
      await target.upsert(request({ order_id: 'SO-1', total_cents: 100, ratio: 0.5, vip: true, note: 'x' })),
    ).toEqual({
      action: 'inserted',
    });
    const columns = inspect((db) => db.prepare('PRAGMA table_info("orders")').all()) as Array<{
      name: string;
      type: string;
    }>;
    expect(columns.map((c) => [c.name, c.type])).toEqual([
      ['order_id', 'TEXT'],
      ['total_cents', 'INTEGER'],
      ['ratio', 'REAL'],
      ['vip', 'INTEGER'],
      ['note', ''],
    ]);
    const indexes = inspect((db) => db.prepare('PRAGMA index_list("orders")').all()) as Array<{
      unique: number;
    }>;
    expect(indexes.some((i) => i.unique === 1)).toBe(true);
    expect(inspect((db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
    expect(rows()).toEqual([{ order_id: 'SO-1', total_cents: 100, ratio: 0.5, vip: 1, note: 'x' }]);
  });

  it('updates on conflict, or skips when told to', async () => {
    await target.upsert(request({ order_id: 'SO-1', total_cents: 100 }));
    expect(await target.upsert(request({ order_id: 'SO-1', total_cents: 200 }))).toEqual({
      action: 'updated',
    });
    expect(rows()).toEqual([expect.objectContaining({ order_id: 'SO-1', total_cents: 200 })]);
    expect(
      await target.upsert(request({ order_id: 'SO-1', total_cents: 300 }, { onConflict: 'skip' })),
    ).toEqual({
      action: 'skipped',
    });
    expect(rows()).toEqual([expect.objectContaining({ total_cents: 200 })]);
  });

  it('adds columns for new fields and encodes nested values as JSON', async () => {
    await target.upsert(request({ order_id: 'SO-1' }));
    await target.upsert(request({ order_id: 'SO-2', lines: [{ sku: 'A' }], shipped: false }));
    expect(rows()).toEqual([
      expect.objectContaining({ order_id: 'SO-1', lines: null, shipped: null }),
      expect.objectContaining({ order_id: 'SO-2', lines: '[{"sku":"A"}]', shipped: 0 }),
    ]);
  });

  it('keys on several fields', async () => {
    const byTwo = (row: Record<string, unknown>) =>
      request(row, {
        keyFields: ['region', 'order_id'],
        columns: [{ name: 'region' }, { name: 'order_id' }],
      });
    await target.upsert(byTwo({ region: 'eu', order_id: 'SO-1' }));
    expect(await target.upsert(byTwo({ region: 'us', order_id: 'SO-1' }))).toEqual({ action: 'inserted' });
    expect(await target.upsert(byTwo({ region: 'eu', order_id: 'SO-1' }))).toEqual({ action: 'updated' });
    expect(rows()).toHaveLength(2);
  });

  it('previews without writing anything', async () => {
    expect(await target.preview(request({ order_id: 'SO-1' }))).toEqual({ action: 'inserted' });
    expect(
      inspect((db) => db.prepare("SELECT name FROM sqlite_master WHERE name = 'orders'").get()),
    ).toBeUndefined();
    await target.upsert(request({ order_id: 'SO-1', total_cents: 1 }));
    expect(await target.preview(request({ order_id: 'SO-1', total_cents: 2, brand_new: 'x' }))).toEqual({
      action: 'updated',
    });
    expect(await target.preview(request({ order_id: 'SO-1' }, { onConflict: 'skip' }))).toEqual({
      action: 'skipped',
    });
    expect(await target.preview(request({ order_id: 'SO-9' }))).toEqual({ action: 'inserted' });
    expect(rows()).toEqual([expect.objectContaining({ order_id: 'SO-1', total_cents: 1 })]);
    expect(Object.keys(rows()[0] as object)).not.toContain('brand_new');
  });

  it.each([
    ['a table name', { target: { connection: 'downstream', table: 'orders; DROP TABLE x' } }],
    ['a key field', { keyFields: ['order id'] }],
    ['a column', { columns: [{ name: 'a"b' }] }],
  ])('refuses an invalid identifier in %s', async (_what, overrides) => {
    await expect(
      target.upsert(request({ order_id: 'SO-1' }, overrides as Partial<UpsertRequest>)),
    ).rejects.toBeInstanceOf(DownstreamError);
  });

  it('refuses a row field that is not an identifier, an unknown connection and a missing key', async () => {
    await expect(target.upsert(request({ order_id: 'SO-1', 'first name': 'Ada' }))).rejects.toThrow(
      /identifier/,
    );
    await expect(
      target.upsert(request({ order_id: 'SO-1' }, { target: { connection: 'crm', table: 'orders' } })),
    ).rejects.toThrow(/unknown connection/);
    await expect(target.upsert(request({ total_cents: 1 }))).rejects.toThrow(/key field order_id is missing/);
    await expect(target.upsert(request({ order_id: null }))).rejects.toThrow(/missing/);
  });

  it('recovers its view of a table after a failed write rolled back', async () => {
    const db = new Database(file);
    db.exec("CREATE TABLE orders (order_id TEXT); INSERT INTO orders VALUES ('SO-1'), ('SO-1');");
    db.close();
    await expect(target.upsert(request({ order_id: 'SO-2', total_cents: 5 }))).rejects.toThrow(/UNIQUE/);
    const db2 = new Database(file);
    db2.exec('DELETE FROM orders WHERE rowid = 2');
    db2.close();
    expect(await target.upsert(request({ order_id: 'SO-2', total_cents: 5 }))).toEqual({
      action: 'inserted',
    });
    expect(rows()).toEqual([
      expect.objectContaining({ order_id: 'SO-1', total_cents: null }),
      expect.objectContaining({ order_id: 'SO-2', total_cents: 5 }),
    ]);
  });
});
