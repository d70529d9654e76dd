import { describe, expect, it } from 'vitest';
import type { Step } from '@baton/schema';
import { clockReadingsOf, createRecordedTargets, createReplayClock } from '../src/index.js';

const step = (overrides: Partial<Step>): Step => ({
  seq: 1,
  nodeId: 'n',
  kind: 'mapping',
  label: 'n',
  status: 'ok',
  input: {},
  output: {},
  checks: [],
  startedAt: '2026-03-15T09:00:00.010Z',
  durationMs: 3,
  ...overrides,
});

const request = (table: string) => ({
  target: { connection: 'downstream', table },
  keyFields: ['id'],
  row: { id: 1 },
  onConflict: 'update' as const,
  columns: [],
  idempotencyKey: 'k',
});

describe('replay clock', () => {
  it('recovers the readings of a trace in the order the engine took them', () => {
    const readings = clockReadingsOf({
      startedAt: '2026-03-15T09:00:00.005Z',
      finishedAt: '2026-03-15T09:00:00.040Z',
      steps: [
        step({}),
        step({
          kind: 'log',
          startedAt: '2026-03-15T09:00:00.020Z',
          durationMs: 5,
          ledger: { nodeId: 'n', recordKey: null, status: 'ok', at: '2026-03-15T09:00:00.022Z', payload: {} },
        }),
      ],
    });
    const base = Date.parse('2026-03-15T09:00:00.000Z');
    expect(readings.map((r) => r - base)).toEqual([5, 10, 13, 20, 22, 25, 40]);
  });

  it('answers the readings, then keeps moving 1 ms per reading', () => {
    const clock = createReplayClock([100, 105]);
    expect([1, 2, 3, 4].map(() => clock.now().getTime())).toEqual([100, 105, 106, 107]);
    expect(() => createReplayClock([])).toThrow(RangeError);
  });
});

describe('recorded targets', () => {
  it('answer each write with the recorded action or failure, per target, in order, and never write', async () => {
    const targets = createRecordedTargets([
      step({
        kind: 'write',
        write: { target: 'downstream.a', key: { id: 1 }, action: 'updated', dryRun: false },
      }),
      step({ kind: 'write', status: 'failed', error: 'Write to downstream.b failed: disk full' }),
    ]);
    await expect(targets.upsert(request('a'))).resolves.toEqual({ action: 'updated' });
    await expect(targets.upsert(request('b'))).rejects.toThrow('disk full');
    await expect(targets.upsert(request('a'))).rejects.toThrow('no recorded answer');
  });

  it('ask the fallback to preview a write the run never made', async () => {
    const previews: string[] = [];
    const targets = createRecordedTargets([], {
      fallback: {
        upsert: () => Promise.reject(new Error('must not write')),
        preview: (r) => {
          previews.push(r.target.table);
          return Promise.resolve({ action: 'inserted' });
        },
      },
    });
    await expect(targets.upsert(request('c'))).resolves.toEqual({ action: 'inserted' });
    expect(previews).toEqual(['c']);
  });
});
