import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS } from '../src/sqlite/migrations.js';
import { openSqliteStore } from '../src/sqlite/sqlite-store.js';
import { StoreTransactionStuckError } from '../src/errors.js';
import { at, changeNote, newFlow, samplePlan, sampleSource } from './fixtures.js';
import { describeStoreContract } from './store-contract.js';

const root = mkdtempSync(join(tmpdir(), 'baton-store-'));
let counter = 0;
const freshFile = () => join(root, `db-${++counter}`, 'baton.sqlite');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describeStoreContract('SQLite', () => openSqliteStore({ file: freshFile() }));

describe('SQLite transactions that would wait for themselves', () => {
  it('a store call from inside a transaction fails once the transaction is stuck; the work rolls back', async () => {
    const store = await openSqliteStore({ file: freshFile(), stuckTransactionMs: 150 });
    try {
      const attempt = store.transaction(async (tx) => {
        await tx.flows.create(newFlow('inside', 'I'));
        // The mistake: the store's own repositories wait for this very transaction to end.
        return store.flows.get('inside');
      });
      await expect(attempt).rejects.toBeInstanceOf(StoreTransactionStuckError);
      // Rolled back, and the connection is free again for everyone.
      expect(await store.flows.get('inside')).toBeNull();
      await store.flows.create(newFlow('after', 'A', 1));
      expect((await store.flows.get('after'))?.name).toBe('A');
    } finally {
      await store.close();
    }
  });

  it('a nested transaction through the store fails the same way instead of hanging', async () => {
    const store = await openSqliteStore({ file: freshFile(), stuckTransactionMs: 150 });
    try {
      const attempt = store.transaction(async () => store.transaction(async () => 'never'));
      await expect(attempt).rejects.toBeInstanceOf(StoreTransactionStuckError);
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('callers waiting behind a transaction that ends in time are served as usual', async () => {
    const store = await openSqliteStore({ file: freshFile(), stuckTransactionMs: 150 });
    try {
      const waiting: Promise<unknown>[] = [];
      await store.transaction(async (tx) => {
        await tx.flows.create(newFlow('orders', 'O'));
        // Started while the transaction is open: it must see the committed row, not fail.
        waiting.push(store.flows.get('orders'));
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
      expect(await Promise.all(waiting)).toMatchObject([{ name: 'O' }]);
      // The watchdog of the finished transaction does not fire into later waiters.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await store.flows.get('orders'))?.name).toBe('O');
    } finally {
      await store.close();
    }
  });
});

describe('SQLite transactions queue', () => {
  it('transactions and reads started while one is open run one at a time, none inside another', async () => {
    const store = await openSqliteStore({ file: freshFile() });
    try {
      let inside = 0;
      let most = 0;
      const unit = (id: string) =>
        store.transaction(async (tx) => {
          inside += 1;
          most = Math.max(most, inside);
          await tx.flows.create(newFlow(id, id));
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside -= 1;
        });
      // Many waiters wake on the same release: each must claim the connection on its own.
      const work = [unit('f0'), ...Array.from({ length: 6 }, (_, i) => unit(`f${i + 1}`))];
      const reads = Array.from({ length: 6 }, () => store.flows.count());
      await Promise.all([...work, ...reads]);
      expect(most).toBe(1);
      expect(await store.flows.count()).toBe(7);
    } finally {
      await store.close();
    }
  });
});

describe('SQLite migrations', () => {
  const latest = MIGRATIONS.at(-1)!.id;

  function appliedIds(file: string): number[] {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as Array<{ id: number }>).map(
        (r) => r.id,
      );
    } finally {
      db.close();
    }
  }

  it('migrates a fresh file to the latest migration, in WAL mode', async () => {
    const file = freshFile();
    const store = await openSqliteStore({ file });
    expect(store.migration).toEqual({ current: latest, appliedNow: MIGRATIONS.map((m) => m.id) });
    await store.close();
    expect(appliedIds(file)).toEqual(MIGRATIONS.map((m) => m.id));
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('opens an up-to-date file twice without migrating again and keeps its data', async () => {
    const file = freshFile();
    const first = await openSqliteStore({ file });
    await first.flows.create({ id: 'orders', name: 'O', description: '', draft: sampleSource(), now: at(0) });
    await first.close();
    const second = await openSqliteStore({ file });
    expect(second.migration).toEqual({ current: latest, appliedNow: [] });
    expect((await second.flows.get('orders'))?.name).toBe('O');
    await second.close();
  });

  it('brings a file at migration 1 up, keeping what it held', async () => {
    const file = freshFile();
    const old = await openSqliteStore({ file, migrateTo: 1 });
    expect(old.migration).toEqual({ current: 1, appliedNow: [1] });
    await old.close();
    // Write the old file the way Baton at migration 1 did: flows, drafts and versions only.
    const raw = new Database(file);
    raw
      .prepare('INSERT INTO flows (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run('orders', 'Orders', '', at(0), at(0));
    raw
      .prepare('INSERT INTO drafts (flow_id, source, updated_at) VALUES (?, ?, ?)')
      .run('orders', JSON.stringify(sampleSource()), at(0));
    raw.close();

    const store = await openSqliteStore({ file });
    expect(store.migration).toEqual({ current: latest, appliedNow: MIGRATIONS.slice(1).map((m) => m.id) });
    expect(await store.flows.get('orders')).toMatchObject({ name: 'Orders', runCount: 0 });
    await store.versions.create({
      flowId: 'orders',
      source: sampleSource(),
      definition: samplePlan('h'),
      changeNote,
      now: at(1),
    });
    await store.versions.publish('orders', 1, at(2));
    await store.runs.insert({
      id: 'r1',
      flowId: 'orders',
      version: 1,
      status: 'queued',
      recordKey: null,
      idempotencyKey: 'k',
      payloadHash: 'h',
      input: {},
      receivedAt: at(3),
      duplicateOf: null,
    });
    expect((await store.flows.get('orders'))?.runCount).toBe(1);
    await store.close();
    expect(appliedIds(file)).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it('rolls a failing migration back entirely', () => {
    const db = new Database(':memory:');
    applyMigrations(db, 1);
    db.exec('CREATE TABLE runs (id TEXT)'); // makes migration 2 fail half-way
    expect(() => applyMigrations(db)).toThrow();
    expect(db.prepare('SELECT MAX(id) AS id FROM schema_migrations').get()).toEqual({ id: 1 });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'run_steps'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a file migrated by a newer Baton', async () => {
    const file = freshFile();
    await (await openSqliteStore({ file })).close();
    const raw = new Database(file);
    raw
      .prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)')
      .run(999, 'future', at(0));
    raw.close();
    await expect(openSqliteStore({ file })).rejects.toThrow(/newer than this Baton knows/);
  });

  it('keeps a version immutable and enforces foreign keys', async () => {
    const file = freshFile();
    const store = await openSqliteStore({ file });
    await store.flows.create({ id: 'orders', name: 'O', description: '', draft: sampleSource(), now: at(0) });
    await store.versions.create({
      flowId: 'orders',
      source: sampleSource(),
      definition: samplePlan('h'),
      changeNote,
      now: at(1),
    });
    await store.close();
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    expect(() => raw.prepare(`UPDATE versions SET definition = '{}' WHERE flow_id = 'orders'`).run()).toThrow(
      /immutable/,
    );
    expect(() =>
      raw
        .prepare('INSERT INTO drafts (flow_id, source, updated_at) VALUES (?, ?, ?)')
        .run('ghost', '{}', at(0)),
    ).toThrow(/FOREIGN KEY/);
    raw.close();
  });
});
