import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/sqlite/sqlite-store.js';
import type { Store } from '../src/store.js';
import { at, changeNote, samplePlan, sampleSource, sampleStep } from './fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'baton-steps-doc-'));
let counter = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function storeWithRun(file: string, migrateTo?: number): Promise<Store> {
  const store = await openSqliteStore({ file, ...(migrateTo !== undefined && { migrateTo }) });
  await store.flows.create({
    id: 'orders',
    name: 'Orders',
    description: '',
    draft: sampleSource(),
    now: at(0),
  });
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
    idempotencyKey: 'k1',
    payloadHash: 'h1',
    input: { a: 1 },
    receivedAt: at(3),
    duplicateOf: null,
  });
  return store;
}

const outcome = {
  status: 'succeeded' as const,
  recordKey: 'A-1',
  startedAt: at(3),
  finishedAt: at(4),
  durationMs: 2,
  error: null,
  steps: [sampleStep(1), sampleStep(2, { nodeId: 'n_write', kind: 'write' })],
};

/** Migration 12: a run's steps are one JSON document on its row, written by `finish` in one UPDATE. */
describe('run steps as one document per run', () => {
  it('finishes a run in one row and reads its steps back in order, once', async () => {
    const file = join(root, `db-${++counter}`, 'baton.sqlite');
    const store = await storeWithRun(file);
    expect(await store.runs.finish('r1', outcome)).toBe(true);
    expect(await store.runs.finish('r1', { ...outcome, status: 'failed' })).toBe(false);
    const run = await store.runs.get('r1');
    expect(run).toMatchObject({ status: 'succeeded', recordKey: 'A-1' });
    expect(run?.steps).toEqual(outcome.steps);
    await store.close();

    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) AS n FROM run_steps').get()).toEqual({ n: 0 });
    expect(
      JSON.parse((raw.prepare("SELECT steps FROM runs WHERE id = 'r1'").get() as { steps: string }).steps),
    ).toEqual(outcome.steps);
    raw.close();
  });

  it('still reads the steps of a run finished before migration 12 from run_steps', async () => {
    const file = join(root, `db-${++counter}`, 'baton.sqlite');
    const old = await storeWithRun(file, 11);
    await old.close();
    // A run finished by a Baton before migration 12: status on the row, one run_steps row per step.
    const raw = new Database(file);
    raw.prepare("UPDATE runs SET status = 'succeeded' WHERE id = 'r1'").run();
    const insert = raw.prepare(
      'INSERT INTO run_steps (run_id, seq, node_id, kind, status, started_at, duration_ms, step) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const step of outcome.steps) {
      insert.run(
        'r1',
        step.seq,
        step.nodeId,
        step.kind,
        step.status,
        step.startedAt,
        step.durationMs,
        JSON.stringify(step),
      );
    }
    raw.close();

    const store = await openSqliteStore({ file });
    expect(store.migration.appliedNow).toContain(12);
    expect((await store.runs.get('r1'))?.steps).toEqual(outcome.steps);
    await store.close();
  });
});
