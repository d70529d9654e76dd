import type { UpsertRequest } from '@baton/nodes';
import { describe, expect, it } from 'vitest';
import { createFixedClock, createMemoryTargets } from '../src/index.js';

const request = (row: Record<string, unknown>, onConflict: 'update' | 'skip' = 'update'): UpsertRequest => ({
  target: { connection: 'downstream', table: 't' },
  keyFields: ['id'],
  row,
  onConflict,
  columns: [],
  idempotencyKey: `f:${String(row.id)}`,
});

describe('createMemoryTargets', () => {
  it('inserts, updates or skips by key like an upsert', async () => {
    const targets = createMemoryTargets();
    expect(await targets.upsert(request({ id: 1, v: 'a' }))).toEqual({ action: 'inserted' });
    expect(await targets.upsert(request({ id: 1, v: 'b' }))).toEqual({ action: 'updated' });
    expect(await targets.upsert(request({ id: 1, v: 'c' }, 'skip'))).toEqual({ action: 'skipped' });
    expect(await targets.preview(request({ id: 2, v: 'z' }))).toEqual({ action: 'inserted' });
    expect(targets.rows('downstream', 't')).toEqual([{ id: 1, v: 'b' }]);
  });

  it('fails on demand', async () => {
    const targets = createMemoryTargets({ failWith: (r) => (r.row.id === 2 ? 'no' : undefined) });
    await expect(targets.upsert(request({ id: 2 }))).rejects.toThrow('no');
    await expect(targets.upsert(request({ id: 3 }))).resolves.toEqual({ action: 'inserted' });
  });
});

describe('createFixedClock', () => {
  it('advances a fixed step per reading', () => {
    const clock = createFixedClock('2026-01-01T00:00:00Z', 250);
    expect([clock.now(), clock.now(), clock.now()].map((d) => d.toISOString())).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.250Z',
      '2026-01-01T00:00:00.500Z',
    ]);
    expect(() => createFixedClock('yesterday')).toThrow(RangeError);
  });
});
