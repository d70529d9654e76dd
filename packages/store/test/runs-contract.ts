import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../src/errors.js';
import type { NewRun } from '../src/runs.js';
import type { Store } from '../src/store.js';
import { at, changeNote, samplePlan, sampleSource, sampleStep } from './fixtures.js';

/** Runs, their steps and the ledger: part of `describeStoreContract`, split out for length. */
export function describeRunsContract(store: () => Store): void {
  async function flowWithPublishedVersion(db: Store, id = 'orders'): Promise<void> {
    await db.flows.create({ id, name: id, description: '', draft: sampleSource(), now: at(0) });
    await db.versions.create({
      flowId: id,
      source: sampleSource(),
      definition: samplePlan('sha256:one'),
      changeNote,
      now: at(1),
    });
    await db.versions.publish(id, 1, at(2));
  }

  function queuedRun(id: string, receivedAt: string, overrides: Partial<NewRun> = {}): NewRun {
    return {
      id,
      flowId: 'orders',
      version: 1,
      status: 'queued',
      recordKey: null,
      idempotencyKey: `key-${id}`,
      payloadHash: `hash-${id}`,
      input: { order_id: id },
      receivedAt,
      duplicateOf: null,
      ...overrides,
    };
  }

  describe('runs', () => {
    beforeEach(async () => {
      await flowWithPublishedVersion(store());
    });

    it('records a queued run, then finishes it once with its steps', async () => {
      await store().runs.insert(queuedRun('r1', at(10)));
      expect(await store().runs.get('r1')).toMatchObject({
        id: 'r1',
        status: 'queued',
        input: { order_id: 'r1' },
        finishedAt: null,
        steps: [],
      });
      const steps = [sampleStep(1), sampleStep(2, { status: 'flagged', port: undefined })];
      const outcome = {
        status: 'flagged' as const,
        recordKey: 'SO-1',
        startedAt: at(10),
        finishedAt: at(11),
        durationMs: 12.5,
        error: null,
        steps,
      };
      expect(await store().runs.finish('r1', outcome)).toBe(true);
      const run = await store().runs.get('r1');
      expect(run).toMatchObject({
        status: 'flagged',
        recordKey: 'SO-1',
        finishedAt: at(11),
        durationMs: 12.5,
      });
      expect(run?.steps).toEqual(JSON.parse(JSON.stringify(steps)));
      // A finished run is never finished again (recovery racing a live request, say).
      expect(await store().runs.finish('r1', { ...outcome, status: 'failed' })).toBe(false);
      expect((await store().runs.get('r1'))?.status).toBe('flagged');
      expect((await store().flows.get('orders'))?.runCount).toBe(1);
    });

    it('records a run that executed before it was stored, finished, in one write', async () => {
      const steps = [sampleStep(1), sampleStep(2, { status: 'failed', port: undefined })];
      const { status: _queued, duplicateOf: _none, ...run } = queuedRun('r1', at(10));
      await store().runs.insertFinished({
        ...run,
        inputSealed: 'sealed-r1',
        outcome: {
          status: 'failed',
          recordKey: 'SO-1',
          startedAt: at(10),
          finishedAt: at(12),
          durationMs: 7,
          error: 'target down',
          steps,
        },
      });
      const stored = await store().runs.get('r1');
      expect(stored).toMatchObject({
        id: 'r1',
        status: 'failed',
        recordKey: 'SO-1',
        receivedAt: at(10),
        startedAt: at(10),
        finishedAt: at(12),
        durationMs: 7,
        error: 'target down',
        duplicateOf: null,
        inputSealed: 'sealed-r1',
      });
      expect(stored?.steps).toEqual(JSON.parse(JSON.stringify(steps)));
      // Finished: a later finisher changes nothing, recovery never claims it, resends find it.
      const again = {
        status: 'succeeded' as const,
        recordKey: 'SO-1',
        startedAt: at(13),
        finishedAt: at(14),
      };
      expect(await store().runs.finish('r1', { ...again, durationMs: 1, error: null, steps: [] })).toBe(
        false,
      );
      expect(await store().runs.unfinished()).toEqual([]);
      expect((await store().runs.latestByKey('orders', 'key-r1'))?.status).toBe('failed');
      expect((await store().runs.counts({ flowId: 'orders' })).byStatus).toEqual({ failed: 1 });
    });

    it('stores a repeated record once and reads the steps back byte for byte', async () => {
      // As the engine's trace holds them: each step's input is the previous step's output (the
      // same object) and a pass-through step outputs its input.
      const record = { order_id: 'SO-1', note: 'ü "quoted"' };
      const mapped = { order_id: 'SO-1', total: 42.5 };
      const trigger = sampleStep(1, { input: record, output: record });
      const mapping = sampleStep(2, { input: record, output: mapped });
      const write = sampleStep(3, { kind: 'write', input: mapped, output: mapped, port: 'done' });
      const failed = sampleStep(4, { input: mapped, output: null, status: 'failed', port: undefined });
      const steps = [trigger, mapping, write, failed];
      const { status: _queued, duplicateOf: _none, ...run } = queuedRun('r1', at(10));
      await store().runs.insertFinished({
        ...run,
        outcome: {
          status: 'failed',
          recordKey: 'SO-1',
          startedAt: at(10),
          finishedAt: at(11),
          durationMs: 3,
          error: 'x',
          steps,
        },
      });
      const stored = await store().runs.get('r1');
      expect(JSON.stringify(stored?.steps)).toBe(JSON.stringify(steps));
    });

    it('records a duplicate as finished at once, pointing at its original', async () => {
      await store().runs.insert(queuedRun('r1', at(10)));
      await store().runs.insert(
        queuedRun('r2', at(11), { status: 'duplicate', duplicateOf: 'r1', idempotencyKey: 'key-r1' }),
      );
      expect(await store().runs.get('r2')).toMatchObject({
        status: 'duplicate',
        duplicateOf: 'r1',
        finishedAt: at(11),
        durationMs: 0,
      });
    });

    it('refuses a run for a version that does not exist', async () => {
      await expect(store().runs.insert(queuedRun('r1', at(10), { version: 5 }))).rejects.toThrow();
      expect(await store().runs.get('r1')).toBeNull();
    });

    it('finds the latest non-duplicate run by idempotency key', async () => {
      await store().runs.insert(queuedRun('r1', at(10), { idempotencyKey: 'k' }));
      await store().runs.insert(queuedRun('r2', at(11), { idempotencyKey: 'k' }));
      await store().runs.insert(
        queuedRun('r3', at(12), { idempotencyKey: 'k', status: 'duplicate', duplicateOf: 'r2' }),
      );
      expect((await store().runs.latestByKey('orders', 'k'))?.id).toBe('r2');
      expect(await store().runs.latestByKey('orders', 'other')).toBeNull();
      expect(await store().runs.latestByKey('elsewhere', 'k')).toBeNull();
    });

    it('lists unfinished runs oldest first', async () => {
      await store().runs.insert(queuedRun('late', at(20)));
      await store().runs.insert(queuedRun('early', at(10)));
      await store().runs.insert(queuedRun('done', at(5)));
      await store().runs.finish('done', {
        status: 'succeeded',
        recordKey: null,
        startedAt: at(5),
        finishedAt: at(5),
        durationMs: 1,
        error: null,
        steps: [],
      });
      expect((await store().runs.unfinished()).map((r) => r.id)).toEqual(['early', 'late']);
    });

    it('lists runs newest first with filters and a cursor that survives equal timestamps', async () => {
      await flowWithPublishedVersion(store(), 'other');
      for (let i = 0; i < 5; i++) await store().runs.insert(queuedRun(`a${i}`, at(10 + i)));
      // Three runs in the same millisecond: the id breaks the tie.
      for (const id of ['t1', 't2', 't3']) await store().runs.insert(queuedRun(id, at(30)));
      await store().runs.insert(queuedRun('o1', at(12), { flowId: 'other' }));
      await store().runs.finish('a1', {
        status: 'rejected',
        recordKey: null,
        startedAt: at(11),
        finishedAt: at(11),
        durationMs: 1,
        error: null,
        steps: [],
      });

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store().runs.list({ flowId: 'orders', limit: 3, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(['t3', 't2', 't1', 'a4', 'a3', 'a2', 'a1', 'a0']);

      expect((await store().runs.list({ limit: 50 })).items).toHaveLength(9);
      expect((await store().runs.list({ status: 'rejected', limit: 50 })).items.map((r) => r.id)).toEqual([
        'a1',
      ]);
      expect(
        (await store().runs.list({ flowId: 'orders', from: at(11), to: at(13), limit: 50 })).items.map(
          (r) => r.id,
        ),
      ).toEqual(['a3', 'a2', 'a1']);
      expect((await store().runs.list({ limit: 3 })).nextCursor).not.toBeNull();
      expect((await store().runs.list({ limit: 50 })).nextCursor).toBeNull();
    });

    it('searches by record key prefix or idempotency key, filters by version and counts per status', async () => {
      const finish = (id: string, status: 'succeeded' | 'rejected', recordKey: string) =>
        store().runs.finish(id, {
          status,
          recordKey,
          startedAt: at(20),
          finishedAt: at(20),
          durationMs: 1,
          error: null,
          steps: [],
        });
      for (let i = 0; i < 4; i++) await store().runs.insert(queuedRun(`s${i}`, at(10 + i)));
      await finish('s0', 'succeeded', 'SO-10001');
      await finish('s1', 'succeeded', 'SO-10002');
      await finish('s2', 'rejected', 'SO-20001');

      const ids = async (query: Parameters<Store['runs']['list']>[0]) =>
        (await store().runs.list(query)).items.map((r) => r.id);
      expect(await ids({ search: 'SO-1', limit: 50 })).toEqual(['s1', 's0']);
      expect(await ids({ search: 'SO-20001', limit: 50 })).toEqual(['s2']);
      expect(await ids({ search: 'key-s3', limit: 50 })).toEqual(['s3']);
      expect(await ids({ search: 'nothing', limit: 50 })).toEqual([]);
      expect(await ids({ flowId: 'orders', search: 'SO-1', limit: 50 })).toEqual(['s1', 's0']);
      expect(await ids({ flowId: 'orders', search: 'key-s3', limit: 50 })).toEqual(['s3']);
      expect(await ids({ flowId: 'other', search: 'SO-1', limit: 50 })).toEqual([]);
      const first = await store().runs.list({ flowId: 'orders', search: 'SO-', limit: 2 });
      expect(first.items.map((r) => r.id)).toEqual(['s2', 's1']);
      expect(
        (
          await store().runs.list({ flowId: 'orders', search: 'SO-', limit: 2, cursor: first.nextCursor! })
        ).items.map((r) => r.id),
      ).toEqual(['s0']);
      expect(await ids({ flowId: 'orders', version: 1, limit: 50 })).toHaveLength(4);
      expect(await ids({ flowId: 'orders', version: 2, limit: 50 })).toEqual([]);

      // A status filter does not hide the other statuses' counts: the page shows them all.
      expect(await store().runs.counts({ flowId: 'orders', status: 'rejected' })).toEqual({
        total: 4,
        byStatus: { succeeded: 2, rejected: 1, queued: 1 },
      });
      expect(await store().runs.counts({ search: 'SO-' })).toEqual({
        total: 3,
        byStatus: { succeeded: 2, rejected: 1 },
      });
      expect(await store().runs.counts({ flowId: 'orders', search: 'SO-1' })).toEqual({
        total: 2,
        byStatus: { succeeded: 2 },
      });
    });

    it('purges the input and steps of old finished runs, keeping the run rows and the ledger', async () => {
      for (const [id, receivedAt] of [
        ['old', at(10)],
        ['new', at(40)],
        ['open', at(11)],
      ] as const) {
        await store().runs.insert(queuedRun(id, receivedAt));
      }
      for (const id of ['old', 'new']) {
        await store().runs.finish(id, {
          status: 'succeeded',
          recordKey: id,
          startedAt: at(41),
          finishedAt: at(41),
          durationMs: 1,
          error: null,
          steps: [sampleStep(1)],
        });
      }
      await store().ledger.append([
        {
          flowId: 'orders',
          version: 1,
          runId: 'old',
          nodeId: 'n',
          recordKey: 'old',
          status: 'ok',
          at: at(41),
          payload: {},
        },
      ]);
      expect(await store().runs.purge(at(30), at(50), 10)).toBe(1);
      const old = await store().runs.get('old');
      expect(old).toMatchObject({
        status: 'succeeded',
        recordKey: 'old',
        input: {},
        steps: [],
        purgedAt: at(50),
      });
      expect((await store().runs.get('new'))?.steps).toHaveLength(1);
      // An unfinished run is never purged: it still needs its input.
      expect((await store().runs.get('open'))?.input).toEqual({ order_id: 'open' });
      expect(await store().ledger.listByRun('old')).toHaveLength(1);
      expect(await store().runs.purge(at(30), at(51), 10)).toBe(0);
    });

    it('refuses a cursor it did not issue', async () => {
      await expect(store().runs.list({ limit: 10, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
    });
  });

  describe('ledger', () => {
    it('appends entries and reads them by run and by flow', async () => {
      await flowWithPublishedVersion(store());
      await store().runs.insert(queuedRun('r1', at(10)));
      await store().runs.insert(queuedRun('r2', at(11)));
      const entry = (runId: string, minute: number) => ({
        flowId: 'orders',
        version: 1,
        runId,
        nodeId: 'n_log',
        recordKey: `SO-${minute}`,
        status: 'succeeded',
        at: at(minute),
        payload: { email: '***' },
      });
      await store().ledger.append([entry('r1', 10)]);
      await store().ledger.append([entry('r2', 11), entry('r2', 12)]);
      expect(await store().ledger.listByRun('r1')).toEqual([entry('r1', 10)]);
      expect((await store().ledger.listByFlow({ flowId: 'orders', limit: 2 })).map((e) => e.at)).toEqual([
        at(12),
        at(11),
      ]);
      await store().ledger.append([]);
      expect(await store().ledger.listByRun('r2')).toHaveLength(2);
    });
  });
}
