import type { Static } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { fakeContext } from '../testing/fake-context.js';
import { compileTrigger } from './compile.js';
import { executeTrigger } from './execute.js';
import type { TriggerConfig } from './spec.js';

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
  const input = (config: Static<typeof TriggerConfig>) => ({
    nodeId: 'n_t',
    config,
    fieldsIn: null,
    incomingEdges: [],
    outgoingEdges: [],
  });
  const source = {
    kind: 'sql' as const,
    connection: 'crm',
    query: 'SELECT * FROM orders',
    cursorColumn: 'id',
    limit: 10,
  };

  it('accepts webhook, manual and batch as they are', () => {
    for (const mode of ['webhook', 'manual', 'batch'] as const) {
      expect(compileTrigger(input({ mode })).diagnostics).toEqual([]);
    }
  });

  it('asks a schedule trigger for its settings', () => {
    expect(compileTrigger(input({ mode: 'schedule' })).diagnostics).toMatchObject([
      { code: 'trigger_schedule_missing', nodeId: 'n_t', path: '/schedule' },
    ]);
  });

  it.each(['*/5 * * * *', '0 30 9 * * MON-FRI', '@hourly', '0 0 L * ?', '0 9 * JAN,JUL 1#2'])(
    'accepts the cron %s',
    (cron) => {
      expect(compileTrigger(input({ mode: 'schedule', schedule: { cron, source } })).diagnostics).toEqual([]);
    },
  );

  it.each(['* * *', '61 * * * *', '* 24 * * *', '*/0 * * * *', '@sometimes', '* * * FOO *', '1-2-3 * * * *'])(
    'refuses the cron %s with trigger_cron_invalid',
    (cron) => {
      expect(
        compileTrigger(input({ mode: 'schedule', schedule: { cron, source } })).diagnostics,
      ).toMatchObject([
        { code: 'trigger_cron_invalid', nodeId: 'n_t', path: '/schedule/cron', severity: 'error' },
      ]);
    },
  );
});
