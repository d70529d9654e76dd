import { describe, expect, it } from 'vitest';
import { fakeContext } from '../testing/fake-context.js';
import { compileTrigger } from './compile.js';
import { executeTrigger } from './execute.js';

describe('trigger execute', () => {
  it('emits the record as received', async () => {
    const record = { order_id: ' SO-1 ' };
    expect(await executeTrigger({ mode: 'webhook' }, record, fakeContext())).toEqual({
      status: 'ok',
      port: 'out',
      output: record,
      checks: [],
    });
  });

  it.each([
    [[1, 2], 'an array'],
    [null, 'null'],
    ['text', 'a string'],
    [7, 'a number'],
  ])('rejects %j, which is not a JSON object', async (record, described) => {
    const result = await executeTrigger({ mode: 'webhook' }, record, fakeContext());
    expect(result.status).toBe('rejected');
    expect(result.port).toBeUndefined();
    expect(result.checks).toEqual([
      {
        rule: 'record_is_object',
        result: 'fail',
        message: `The record must be a JSON object, got ${described}`,
      },
    ]);
  });
});

describe('trigger compile', () => {
  const input = (mode: 'webhook' | 'manual' | 'schedule' | 'batch') => ({
    nodeId: 'n_t',
    config: { mode },
    fieldsIn: null,
    incomingEdges: [],
    outgoingEdges: [],
  });
  it('accepts webhook and manual, and refuses the reserved modes for now', () => {
    expect(compileTrigger(input('webhook')).diagnostics).toEqual([]);
    expect(compileTrigger(input('manual')).diagnostics).toEqual([]);
    for (const mode of ['schedule', 'batch'] as const) {
      expect(compileTrigger(input(mode)).diagnostics).toMatchObject([
        { code: 'trigger_mode_unsupported', nodeId: 'n_t', path: '/mode' },
      ]);
    }
  });
});
