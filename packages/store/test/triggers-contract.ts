import { describe, expect, it } from 'vitest';
import { EMPTY_BATCH_COUNTS, type BatchRecord } from '../src/batches.js';
import type { TestBackend } from './backends.js';
import { at } from './fixtures.js';

const batch = (id: string, minute: number, overrides: Partial<BatchRecord> = {}): BatchRecord => ({
  id,
  flowId: 'orders',
  version: 1,
  format: 'csv',
  fileName: `${id}.csv`,
  state: 'receiving',
  counts: { ...EMPTY_BATCH_COUNTS },
  bytes: 0,
  createdBy: 'analyst',
  createdAt: at(minute),
  finishedAt: null,
  error: null,
  ...overrides,
});

/** Schedule cursors and batches, the same on every backend (issue 5, triggers). */
export function describeTriggersContract(backend: TestBackend): void {
  describe(`${backend.name}: schedule cursors`, () => {
    it('moves a cursor only from the value the tick started from', async () => {
      const store = await backend.open();
      const base = { flowId: 'orders', nodeId: 'n_t', started: 2, at: at(1) };
      expect(await store.schedules.get('orders', 'n_t')).toBeNull();
      expect(await store.schedules.advance({ ...base, expected: 5, next: 7 })).toBe(false);
      expect(await store.schedules.advance({ ...base, expected: null, next: 7 })).toBe(true);
      // A second tick that also started from null lost the race: nothing changes.
      expect(await store.schedules.advance({ ...base, expected: null, next: 9 })).toBe(false);
      expect(
        await store.schedules.advance({ ...base, expected: 7, next: '2026-03-01T00:00:00Z', started: 3 }),
      ).toBe(true);
      const state = await store.schedules.get('orders', 'n_t');
      expect(state).toMatchObject({
        cursor: '2026-03-01T00:00:00Z',
        lastStarted: 3,
        totalStarted: 5,
        lastError: null,
      });
      // Numbers stay numbers and strings strings: "7" is not 7.
      expect(await store.schedules.advance({ ...base, expected: '7', next: 8 })).toBe(false);
      await store.close();
    });

    it('keeps the cursor when a tick fails, and clears the error on the next good one', async () => {
      const store = await backend.open();
      await store.schedules.advance({
        flowId: 'orders',
        nodeId: 'n_t',
        expected: null,
        next: 3,
        started: 3,
        at: at(1),
      });
      await store.schedules.recordError({
        flowId: 'orders',
        nodeId: 'n_t',
        error: 'connection refused',
        at: at(2),
      });
      expect(await store.schedules.get('orders', 'n_t')).toMatchObject({
        cursor: 3,
        lastError: 'connection refused',
        lastErrorAt: at(2),
      });
      await store.schedules.advance({
        flowId: 'orders',
        nodeId: 'n_t',
        expected: 3,
        next: 4,
        started: 1,
        at: at(3),
      });
      expect(await store.schedules.get('orders', 'n_t')).toMatchObject({ cursor: 4, lastError: null });
      // An error before any tick creates the row with no cursor.
      await store.schedules.recordError({ flowId: 'other', nodeId: 'n_t', error: 'boom', at: at(4) });
      expect(await store.schedules.get('other', 'n_t')).toMatchObject({ cursor: null, lastError: 'boom' });
      const reopened = await backend.reopen(store);
      expect((await reopened.schedules.get('orders', 'n_t'))?.cursor).toBe(4);
      await store.close();
      await reopened.close();
    });
  });

  describe(`${backend.name}: batches`, () => {
    it('stores a batch, its progress and its rejects in line order', async () => {
      const store = await backend.open();
      await store.batches.create(batch('b_1', 1));
      await store.batches.create(batch('b_2', 2, { format: 'jsonl' }));
      const counts = { ...EMPTY_BATCH_COUNTS, rows: 3, queued: 2, succeeded: 2, malformed: 1 };
      await store.batches.update('b_1', { counts, bytes: 120 });
      await store.batches.update('b_1', { state: 'done', finishedAt: at(3) });
      expect(await store.batches.get('b_1')).toMatchObject({
        counts,
        bytes: 120,
        state: 'done',
        finishedAt: at(3),
      });
      expect((await store.batches.listByFlow('orders', 10)).map((b) => b.id)).toEqual(['b_2', 'b_1']);
      expect(await store.batches.get('b_nope')).toBeNull();

      const reject = (line: number) => ({
        batchId: 'b_1',
        line,
        reason: 'malformed',
        error: `bad line ${line}`,
        raw: `x${line}`,
        runId: null,
      });
      await store.batches.addRejects([reject(9), reject(2), reject(5)]);
      await store.batches.addRejects([reject(2)]); // a repeated flush adds nothing
      expect((await store.batches.rejects('b_1', 0, 2)).map((r) => r.line)).toEqual([2, 5]);
      expect((await store.batches.rejects('b_1', 5, 10)).map((r) => r.line)).toEqual([9]);
      await store.close();
    });

    it('marks batches a restart cut off as interrupted', async () => {
      const store = await backend.open();
      await store.batches.create(batch('b_1', 1));
      await store.batches.create(batch('b_2', 2, { state: 'done', finishedAt: at(2) }));
      expect(await store.batches.interruptUnfinished(at(5))).toBe(1);
      expect(await store.batches.get('b_1')).toMatchObject({ state: 'interrupted', finishedAt: at(5) });
      expect((await store.batches.get('b_1'))?.error).toMatch(/stopped/);
      expect((await store.batches.get('b_2'))?.state).toBe('done');
      await store.close();
    });
  });
}
