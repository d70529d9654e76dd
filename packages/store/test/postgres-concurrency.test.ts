import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit.js';
import { openPostgresStore } from '../src/postgres/postgres-store.js';
import type { Store } from '../src/store.js';
import { randomSchema, schemaJanitor, TEST_PG_URL } from './backends.js';
import { at, sampleSource } from './fixtures.js';
import { appendAudit, auditEntry } from './governance-contract.js';
import { queued, withFlow } from './reliability-contract.js';

/**
 * Cluster mode: several processes share one database. Two stores (two pools, as two processes
 * would have) on one schema race for the same rows; exactly one may win each.
 */
describe('PostgreSQL: two stores on one schema', () => {
  const schema = schemaJanitor()(randomSchema());
  const open = () => openPostgresStore({ connectionString: TEST_PG_URL, schema, poolSize: 6 });
  let a: Store;
  let b: Store;

  beforeAll(async () => {
    a = await open();
    b = await open();
    await withFlow(a);
  }, 60_000);
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('never hands one queued run to both claimers', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `claim-${String(i).padStart(2, '0')}`);
    for (const id of ids) await a.runs.insert(queued(id));
    const claim = (store: Store, owner: string) =>
      store.runs.claimUnfinished({ owner, now: at(10), until: at(20), limit: 7 });
    // Many small claims from both stores at once, until nothing is left to claim.
    const won = new Map<string, string[]>();
    for (let round = 0; round < 10; round++) {
      const results = await Promise.all([
        claim(a, 'w_a'),
        claim(b, 'w_b'),
        claim(a, 'w_a2'),
        claim(b, 'w_b2'),
      ]);
      const owners = ['w_a', 'w_b', 'w_a2', 'w_b2'];
      results.forEach((runs, i) => {
        for (const run of runs) won.set(run.id, [...(won.get(run.id) ?? []), owners[i]!]);
      });
    }
    expect([...won.keys()].sort()).toEqual(ids);
    for (const [id, owners] of won) expect({ id, owners: owners.length }).toEqual({ id, owners: 1 });
  });

  it('finishes a run once when two workers finish it at the same time', async () => {
    await a.runs.insert(queued('race-finish'));
    const outcome = (error: string) => ({
      status: 'failed' as const,
      recordKey: null,
      startedAt: at(2),
      finishedAt: at(3),
      durationMs: 1,
      error,
      steps: [],
    });
    const results = await Promise.all([
      a.runs.finish('race-finish', outcome('from a')),
      b.runs.finish('race-finish', outcome('from b')),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? 'from a' : 'from b';
    expect((await b.runs.get('race-finish'))?.error).toBe(winner);
  });

  it('keeps the audit chain linear under concurrent appends from both stores', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(i % 2 ? a : b, `concurrent-${i}`)));
    const entries = await a.audit.all();
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(verifyAuditChain(entries)).toMatchObject({ ok: true, entries: 20 });
  });

  it('keeps the chain linear when appends ride in units of work from both stores, some rolled back', async () => {
    const start = (await a.audit.all()).length;
    const doomed = (i: number) => i % 4 === 3;
    // The chain's lock is held until each transaction ends, so a rolled-back append never
    // becomes the predecessor another transaction links to.
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) =>
        (i % 2 ? a : b).transaction(async (tx) => {
          await tx.flows.create({
            id: `unit-${i}`,
            name: `U${i}`,
            description: '',
            draft: sampleSource(),
            now: at(0),
          });
          await tx.audit.append(auditEntry(`unit-${i}`));
          if (doomed(i)) throw new Error('rolled back');
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(4);
    const entries = await a.audit.all();
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: start + 12 }, (_, i) => i + 1));
    expect(verifyAuditChain(entries)).toMatchObject({ ok: true, entries: start + 12 });
    const recorded = new Set(entries.slice(start).map((e) => e.action));
    for (let i = 0; i < 16; i++) {
      const flow = await b.flows.get(`unit-${i}`);
      expect({ i, flow: flow !== null, entry: recorded.has(`unit-${i}`) }).toEqual({
        i,
        flow: !doomed(i),
        entry: !doomed(i),
      });
    }
  });

  it('numbers concurrently submitted versions without gaps or collisions', async () => {
    await a.flows.create({ id: 'busy', name: 'Busy', description: '', draft: sampleSource(), now: at(0) });
    const { samplePlan, changeNote } = await import('./fixtures.js');
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? a : b).versions.create({
          flowId: 'busy',
          source: sampleSource(),
          definition: samplePlan(`h${i}`),
          changeNote,
          now: at(1),
        }),
      ),
    );
    expect(created.map((v) => v.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('lets one of two ticks that started from the same cursor move it', async () => {
    const tick = (store: Store, expected: number | null, next: number) =>
      store.schedules.advance({ flowId: 'orders', nodeId: 'n_t', expected, next, started: 1, at: at(5) });
    expect((await Promise.all([tick(a, null, 10), tick(b, null, 11)])).filter(Boolean)).toHaveLength(1);
    const cursor = (await a.schedules.get('orders', 'n_t'))!.cursor as number;
    expect((await Promise.all([tick(a, cursor, 20), tick(b, cursor, 21)])).filter(Boolean)).toHaveLength(1);
    expect(await b.schedules.get('orders', 'n_t')).toMatchObject({ totalStarted: 2 });
  });

  it('marks a dead letter retried by one of two concurrent retries', async () => {
    await a.runs.insert(queued('dl'));
    await a.deadLetters.add({
      runId: 'dl',
      flowId: 'orders',
      version: 1,
      recordKey: null,
      error: 'x',
      attempts: [],
      createdAt: at(2),
    });
    const results = await Promise.all([
      a.deadLetters.markRetried('dl', 'retry-a', at(3)),
      b.deadLetters.markRetried('dl', 'retry-b', at(3)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('PostgreSQL: units of work', () => {
  const schema = schemaJanitor()(randomSchema());
  let store: Store;

  beforeAll(async () => {
    store = await openPostgresStore({ connectionString: TEST_PG_URL, schema });
  }, 60_000);
  afterAll(() => store.close());

  it('leaves nothing behind when the work throws, across every repository it touched', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.flows.create({ id: 'ghost', name: 'G', description: '', draft: sampleSource(), now: at(0) });
        await tx.audit.append(auditEntry('ghost'));
        await tx.connections.put({
          name: 'ghost',
          kind: 'http',
          config: {},
          secret: null,
          createdAt: at(0),
          updatedAt: at(0),
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store.flows.get('ghost')).toBeNull();
    expect(await store.audit.all()).toEqual([]);
    expect(await store.connections.list()).toEqual([]);
  });

  it('stays usable after a repository refused something inside it', async () => {
    await store.flows.create({ id: 'taken', name: 'T', description: '', draft: sampleSource(), now: at(0) });
    const outcome = await store.transaction(async (tx) => {
      // PostgreSQL aborts a transaction on any error; the store's savepoint keeps this one alive.
      await expect(
        tx.flows.create({ id: 'taken', name: 'again', description: '', draft: sampleSource(), now: at(1) }),
      ).rejects.toThrow(/exists/);
      await tx.flows.create({ id: 'fresh', name: 'F', description: '', draft: sampleSource(), now: at(1) });
      return tx.flows.count();
    });
    expect(outcome).toBe(2);
    expect((await store.flows.get('taken'))?.name).toBe('T');
  });

  it('keeps calls made in parallel inside one transaction apart', async () => {
    const draft = sampleSource();
    const results = await store.transaction((tx) =>
      Promise.allSettled([
        tx.flows.create({ id: 'p1', name: 'P1', description: '', draft, now: at(0) }),
        tx.flows.create({ id: 'taken', name: 'again', description: '', draft, now: at(0) }),
        tx.audit.append(auditEntry('parallel')),
        tx.flows.create({ id: 'p2', name: 'P2', description: '', draft, now: at(0) }),
      ]),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((await store.flows.list()).map((f) => f.id)).toEqual(['fresh', 'p1', 'p2', 'taken']);
    expect((await store.audit.all()).map((e) => e.action)).toEqual(['parallel']);
  });
});
