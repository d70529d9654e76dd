import { readFileSync } from 'node:fs';
import { compile } from '@baton/compiler';
import type { FlowSource, Plan, Trace } from '@baton/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock, createMemoryTargets, runPlan } from '../src/index.js';

const exampleDir = new URL('../../../examples/order-to-fulfillment/', import.meta.url);
const source = JSON.parse(readFileSync(new URL('flow.json', exampleDir), 'utf8')) as FlowSource;

const sample = {
  order_id: ' SO-10042',
  account_number: ' ac-123456 ',
  customer_tier: 'Gold ',
  order_date: '03/15/2026',
  total: '1,249.50',
  email: ' Ada@Example.COM',
  entered_at: '2026-03-15T09:30:00Z',
};

let plan: Plan;
beforeAll(() => {
  const { definition, diagnostics } = compile(source);
  expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  expect(definition).not.toBeNull();
  plan = definition!;
});

const run = (record: unknown, targets = createMemoryTargets()): Promise<Trace> =>
  runPlan(
    plan,
    record,
    { clock: createFixedClock('2026-03-15T10:00:00Z'), targets },
    {
      flowId: 'order-to-fulfillment',
      version: 1,
      runId: 'run_1',
      dryRun: false,
    },
  );

describe('order-to-fulfillment example', () => {
  it('compiles to a plan keyed by order_id with the 4-hour SLA', () => {
    expect(plan.recordKey).toEqual(['order_id']);
    expect(plan.slaMinutes).toBe(240);
    expect(plan.nodes.map((n) => n.id)).toEqual([
      'n_trigger',
      'n_map',
      'n_validate',
      'n_write',
      'n_log_rejected',
      'n_log',
    ]);
  });

  it("normalises PRODUCT.md's sample into the fulfilment queue row", async () => {
    const targets = createMemoryTargets();
    const trace = await run(sample, targets);
    expect(trace.status).toBe('succeeded');
    expect(trace.recordKey).toBe('SO-10042');
    const row = {
      order_id: 'SO-10042',
      customer_id: 'AC-123456',
      tier: 'premium',
      ordered_at: '2026-03-15',
      total_cents: 124950,
      email: 'ada@example.com',
      entered_at: '2026-03-15T09:30:00Z',
    };
    expect(targets.rows('downstream', 'fulfillment_queue')).toEqual([row]);
    expect(trace.steps.map((s) => [s.nodeId, s.status, s.port])).toEqual([
      ['n_trigger', 'ok', 'out'],
      ['n_map', 'ok', 'out'],
      ['n_validate', 'ok', 'pass'],
      ['n_write', 'ok', 'done'],
      ['n_log', 'ok', 'out'],
    ]);
    const ledger = trace.steps[4]?.ledger;
    expect(ledger).toMatchObject({
      recordKey: 'SO-10042',
      status: 'succeeded',
      payload: { ...row, email: '***' },
    });
  });

  it('accepts the total as a number too', async () => {
    const targets = createMemoryTargets();
    const trace = await run({ ...sample, total: 19.99 }, targets);
    expect(trace.status).toBe('succeeded');
    expect(targets.rows('downstream', 'fulfillment_queue')[0]?.total_cents).toBe(1999);
  });

  it('rejects a zero total on total_cents and writes nothing', async () => {
    const targets = createMemoryTargets();
    const trace = await run({ ...sample, total: '0' }, targets);
    expect(trace.status).toBe('rejected');
    const failed = trace.steps.flatMap((s) => s.checks).filter((c) => c.result === 'fail');
    expect(failed).toEqual([
      {
        rule: 'total_positive',
        field: 'total_cents',
        result: 'fail',
        message: 'total must be positive',
        owner: 'crm-admin',
      },
    ]);
    expect(targets.calls).toEqual([]);
    expect(trace.steps.at(-1)).toMatchObject({ nodeId: 'n_log_rejected', ledger: { status: 'rejected' } });
  });

  it('flags an unknown tier but still writes it', async () => {
    const targets = createMemoryTargets();
    const trace = await run({ ...sample, customer_tier: 'Platinum' }, targets);
    expect(trace.status).toBe('flagged');
    expect(targets.rows('downstream', 'fulfillment_queue')[0]?.tier).toBe('unknown');
    expect(trace.steps.flatMap((s) => s.checks).find((c) => c.result === 'flag')).toMatchObject({
      field: 'tier',
      message: 'unknown customer tier',
    });
  });

  it('rejects a date that is not on the calendar', async () => {
    const trace = await run({ ...sample, order_date: '02/30/2026' });
    expect(trace.status).toBe('rejected');
    expect(trace.steps[1]?.output).toMatchObject({ ordered_at: '2026-02-30' });
    expect(trace.steps.flatMap((s) => s.checks).find((c) => c.result === 'fail')?.field).toBe('ordered_at');
  });

  it('runs every shipped sample record to its expected status', async () => {
    // One status per line of sample-records.jsonl, in order.
    const expected = [
      ...['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded'],
      ...['flagged', 'flagged', 'flagged'],
      ...['rejected', 'rejected', 'rejected'],
    ];
    const lines = readFileSync(new URL('sample-records.jsonl', exampleDir), 'utf8').trim().split('\n');
    const statuses = [];
    for (const line of lines) statuses.push((await run(JSON.parse(line))).status);
    expect(statuses).toEqual(expected);
  });
});
