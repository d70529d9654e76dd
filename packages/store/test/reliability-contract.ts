import { describe, expect, it } from 'vitest';
import type { Store } from '../src/store.js';
import type { TestBackend } from './backends.js';
import { at, changeNote, samplePlan, sampleSource } from './fixtures.js';

export async function withFlow(store: Store): Promise<void> {
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
    definition: samplePlan('h1'),
    changeNote,
    now: at(0),
  });
}

export const queued = (id: string, lease?: { owner: string; expiresAt: string }) => ({
  id,
  flowId: 'orders',
  version: 1,
  status: 'queued' as const,
  recordKey: null,
  idempotencyKey: `k-${id}`,
  payloadHash: 'h',
  input: { order_id: id },
  receivedAt: at(1),
  duplicateOf: null,
  ...(lease && { lease }),
});

/** Connections, leases and dead letters: the same behaviour on every backend. */
export function describeReliabilityContract(backend: TestBackend): void {
  describe(`${backend.name}: connections repository`, () => {
    it('puts, replaces, lists, counts secrets and deletes', async () => {
      const store = await backend.open();
      const base = { kind: 'postgres' as const, config: { host: 'db' }, createdAt: at(0), updatedAt: at(0) };
      expect(await store.connections.put({ ...base, name: 'b', secret: null })).toBe(true);
      expect(await store.connections.put({ ...base, name: 'a', secret: 'v1.x.y.z' })).toBe(true);
      expect(await store.connections.put({ ...base, name: 'a', secret: 'v1.x.y.w', updatedAt: at(5) })).toBe(
        false,
      );
      expect((await store.connections.list()).map((c) => c.name)).toEqual(['a', 'b']);
      expect(await store.connections.get('a')).toMatchObject({
        secret: 'v1.x.y.w',
        updatedAt: at(5),
        createdAt: at(0),
      });
      expect(await store.connections.countWithSecrets()).toBe(1);
      expect(await store.connections.delete('a')).toBe(true);
      expect(await store.connections.delete('a')).toBe(false);
      await store.close();
    });
  });

  describe(`${backend.name}: leases`, () => {
    it('claims unfinished runs whose lease expired, counting attempts; finished runs never', async () => {
      const store = await backend.open();
      await withFlow(store);
      await store.runs.insert(queued('r1', { owner: 'w_a', expiresAt: at(2) }));
      await store.runs.insert(queued('r2', { owner: 'w_a', expiresAt: at(30) }));
      await store.runs.insert(queued('r3'));
      await store.runs.finish('r3', {
        status: 'succeeded',
        recordKey: 'x',
        startedAt: at(1),
        finishedAt: at(1),
        durationMs: 1,
        error: null,
        steps: [],
      });
      const claimed = await store.runs.claimUnfinished({
        owner: 'w_b',
        now: at(10),
        until: at(20),
        limit: 10,
      });
      expect(claimed.map((r) => r.id)).toEqual(['r1']);
      // Claimed until minute 20: not claimable again before then.
      expect(
        await store.runs.claimUnfinished({ owner: 'w_c', now: at(15), until: at(25), limit: 10 }),
      ).toEqual([]);
      const all = await store.runs.claimUnfinished({
        owner: 'w_d',
        now: at(15),
        until: at(25),
        ignoreLeases: true,
        limit: 10,
      });
      expect(all.map((r) => r.id)).toEqual(['r1', 'r2']);
      await store.close();
    });
  });

  describe(`${backend.name}: dead letters`, () => {
    it('adds once, lists open ones per flow, and is marked retried once', async () => {
      const store = await backend.open();
      await withFlow(store);
      await store.runs.insert(queued('r1'));
      const letter = {
        runId: 'r1',
        flowId: 'orders',
        version: 1,
        recordKey: 'SO-1',
        error: 'HTTP 503',
        attempts: [{ runId: 'r1', at: at(2), error: 'HTTP 503' }],
        createdAt: at(2),
      };
      await store.deadLetters.add(letter);
      await store.deadLetters.add({ ...letter, error: 'again' });
      expect(await store.deadLetters.listOpen({ flowId: 'orders', limit: 10 })).toEqual([
        { ...letter, retriedBy: null, retriedAt: null },
      ]);
      expect(await store.deadLetters.listOpen({ flowId: 'other', limit: 10 })).toEqual([]);
      expect(await store.deadLetters.markRetried('r1', 'r2', at(3))).toBe(true);
      expect(await store.deadLetters.markRetried('r1', 'r9', at(4))).toBe(false);
      expect(await store.deadLetters.get('r1')).toMatchObject({ retriedBy: 'r2', retriedAt: at(3) });
      expect(await store.deadLetters.listOpen({ limit: 10 })).toEqual([]);
      await store.close();
    });
  });
}
