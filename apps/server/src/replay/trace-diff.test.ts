import { describe, expect, it } from 'vitest';
import type { Step, Trace } from '@baton/schema';
import { diffFields } from './field-diff.js';
import { diffTraces } from './trace-diff.js';

const step = (nodeId: string, overrides: Partial<Step> = {}): Step => ({
  seq: 1,
  nodeId,
  kind: 'validation',
  label: nodeId,
  status: 'ok',
  port: 'pass',
  input: {},
  output: {},
  checks: [],
  startedAt: '2026-03-15T09:00:00.000Z',
  durationMs: 1,
  ...overrides,
});

const trace = (status: Trace['status'], steps: Step[]): Trace => ({
  status,
  recordKey: 'SO-1',
  steps,
  startedAt: '2026-03-15T09:00:00.000Z',
  finishedAt: '2026-03-15T09:00:00.010Z',
});

describe('diffFields', () => {
  it('lists added, removed and changed fields by dot path, ignoring key order', () => {
    expect(
      diffFields({ a: 1, b: { c: 'x', d: [1] }, e: 1 }, { b: { d: [1], c: 'y' }, e: 1, f: null }),
    ).toEqual([
      { path: 'a', change: 'removed', before: 1 },
      { path: 'b.c', change: 'changed', before: 'x', after: 'y' },
      { path: 'f', change: 'added', after: null },
    ]);
  });
});

describe('diffTraces', () => {
  it('pairs steps by node and reports outcome, fields, rules and writes that change', () => {
    const fail = {
      rule: 'total_positive',
      field: 'total',
      result: 'fail' as const,
      message: 'total must be positive',
    };
    const before = trace('rejected', [
      step('map', { output: { total: 0 } }),
      step('check', { status: 'rejected', port: 'reject', output: { total: 0 }, checks: [fail] }),
    ]);
    const after = trace('succeeded', [
      step('map', { output: { total: 5 }, startedAt: '2026-03-15T10:00:00.000Z', durationMs: 9 }),
      step('check', { output: { total: 5 }, checks: [{ ...fail, result: 'pass' }] }),
      step('write', {
        kind: 'write',
        port: 'done',
        write: { target: 'd.t', key: {}, action: 'inserted', dryRun: true },
      }),
    ]);
    const diff = diffTraces(before, after);
    expect(diff.outcome).toEqual({ before: 'rejected', after: 'succeeded', changed: true });
    expect(diff.identical).toBe(false);
    const [map, check, write] = diff.steps;
    expect(map?.fields).toEqual([{ path: 'total', change: 'changed', before: 0, after: 5 }]);
    expect(check?.stoppedFailing).toEqual([
      { rule: 'total_positive', field: 'total', result: 'fail', message: 'total must be positive' },
    ]);
    expect(check?.before?.port).toBe('reject');
    expect(write).toMatchObject({
      before: null,
      after: { seq: 1, status: 'ok' },
      fields: [],
      write: { before: null, after: 'inserted' },
    });
  });

  it('calls traces that differ only in timing identical', () => {
    const a = trace('succeeded', [step('map')]);
    const b = trace('succeeded', [step('map', { startedAt: '2027-01-01T00:00:00.000Z', durationMs: 50 })]);
    expect(diffTraces(a, b).identical).toBe(true);
  });
});
