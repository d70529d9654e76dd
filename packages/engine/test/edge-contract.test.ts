import { readFileSync } from 'node:fs';
import { compile } from '@baton/compiler';
import type { Contract, ContractField, FlowSource, Plan, Trace } from '@baton/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock, createMemoryTargets, runPlan, type MemoryTargets } from '../src/index.js';
import { logNode, planOf, triggerNode, writeNode } from './flow-builders.js';

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

const options = { flowId: 'f', version: 1, runId: 'run_1', dryRun: false };
const run = (plan: Plan, record: unknown, targets: MemoryTargets = createMemoryTargets()): Promise<Trace> =>
  runPlan(plan, record, { clock: createFixedClock('2026-03-15T10:00:00Z'), targets }, options);

describe('edge contracts in the order-to-fulfillment example', () => {
  let plan: Plan;
  beforeAll(() => {
    plan = compile(source).definition!;
  });

  it("lets PRODUCT.md's sample through both contracts to the exact row", async () => {
    const targets = createMemoryTargets();
    const trace = await run(plan, sample, targets);
    expect(trace.status).toBe('succeeded');
    expect(targets.rows('downstream', 'fulfillment_queue')).toEqual([
      {
        order_id: 'SO-10042',
        customer_id: 'AC-123456',
        tier: 'premium',
        ordered_at: '2026-03-15',
        total_cents: 124950,
        email: 'ada@example.com',
        entered_at: '2026-03-15T09:30:00Z',
      },
    ]);
    const contracted = trace.steps.filter((s) => s.contract);
    expect(contracted.map((s) => [s.nodeId, s.contract])).toEqual([
      ['n_map', { edgeId: 'e_crm', dropped: [], outcome: 'pass' }],
      ['n_write', { edgeId: 'e_fulfil', dropped: [], outcome: 'pass' }],
    ]);
    // The contract's checks lead the step's own.
    expect(contracted.map((s) => s.checks[0])).toEqual([
      { rule: 'contract', result: 'pass' },
      { rule: 'contract', result: 'pass' },
    ]);
  });

  it("rejects order_id 'XX' at the mapping step: the mapping does not run, nothing is written", async () => {
    const targets = createMemoryTargets();
    const record = { ...sample, order_id: 'XX' };
    const trace = await run(plan, record, targets);
    expect(trace.status).toBe('rejected');
    expect(trace.steps.map((s) => [s.nodeId, s.status, s.port])).toEqual([
      ['n_trigger', 'ok', 'out'],
      ['n_map', 'rejected', undefined],
    ]);
    const step = trace.steps[1]!;
    expect(step.checks).toEqual([
      {
        rule: 'contract.pattern',
        field: 'order_id',
        result: 'fail',
        message: 'order_id must look like SO-12345',
        owner: 'crm-admin',
      },
    ]);
    expect(step.contract).toEqual({ edgeId: 'e_crm', dropped: [], outcome: 'reject' });
    // Output is the cleaned input, not a mapped record (the mapping would have trimmed fields).
    expect(step.output).toEqual(record);
    expect(targets.calls).toEqual([]);
    expect(targets.rows('downstream', 'fulfillment_queue')).toEqual([]);
  });

  it('rejects a missing required total, naming the field', async () => {
    const { total: _total, ...withoutTotal } = sample;
    const targets = createMemoryTargets();
    const trace = await run(plan, withoutTotal, targets);
    expect(trace.status).toBe('rejected');
    expect(trace.steps.at(-1)?.checks).toEqual([
      {
        rule: 'contract.required',
        field: 'total',
        result: 'fail',
        message: 'total is required',
        owner: 'crm-admin',
      },
    ]);
    expect(targets.calls).toEqual([]);
  });

  it('drops an extra field at the CRM edge and says so on the step', async () => {
    const trace = await run(plan, { ...sample, foo: 'bar' });
    expect(trace.status).toBe('succeeded');
    const step = trace.steps[1]!;
    expect(step.contract).toEqual({ edgeId: 'e_crm', dropped: ['foo'], outcome: 'pass' });
    expect(step.input).toMatchObject({ foo: 'bar' });
  });
});

describe('edge contracts in small flows', () => {
  const f = (over: Partial<ContractField> & Pick<ContractField, 'name' | 'type'>): ContractField => ({
    required: false,
    owner: 'data-owner',
    ...over,
  });
  const contract = (fields: ContractField[], extraFields: Contract['extraFields'] = 'drop'): Contract => ({
    fields,
    extraFields,
  });
  // trigger →(e1, contract) write →(e2) log
  const writeFlow = (c: Contract) =>
    planOf(
      [triggerNode(), writeNode('n_w'), logNode('n_l')],
      [
        ['e1', 'n_t', 'out', 'n_w'],
        ['e2', 'n_w', 'done', 'n_l'],
      ],
      { e1: c },
    );

  it('the node receives the record without the dropped fields', async () => {
    const targets = createMemoryTargets();
    const trace = await run(
      writeFlow(contract([f({ name: 'id', type: 'string', required: true })])),
      {
        id: 'A1',
        secret: 'x',
      },
      targets,
    );
    expect(trace.status).toBe('succeeded');
    expect(targets.rows('downstream', 'orders')).toEqual([{ id: 'A1' }]);
    expect(trace.steps[1]?.contract?.dropped).toEqual(['secret']);
  });

  it('extraFields reject stops the record with a check per extra field', async () => {
    const targets = createMemoryTargets();
    const c = contract([f({ name: 'id', type: 'string', required: true })], 'reject');
    const trace = await run(writeFlow(c), { id: 'A1', secret: 'x' }, targets);
    expect(trace.status).toBe('rejected');
    expect(trace.steps[1]?.checks).toMatchObject([
      { rule: 'contract.extraFields', field: 'secret', result: 'fail' },
    ]);
    expect(targets.calls).toEqual([]);
  });

  it('a flagged field lets the node run and flags the step and the run', async () => {
    const targets = createMemoryTargets();
    const c = contract([
      f({ name: 'id', type: 'string', required: true }),
      f({
        name: 'email',
        type: 'string',
        pattern: '@',
        onFail: { action: 'flag', message: 'check the e-mail' },
      }),
    ]);
    const trace = await run(writeFlow(c), { id: 'A1', email: 'nope' }, targets);
    expect(trace.status).toBe('flagged');
    expect(trace.steps[1]).toMatchObject({
      nodeId: 'n_w',
      status: 'flagged',
      port: 'done',
      contract: { edgeId: 'e1', dropped: [], outcome: 'flag' },
      checks: [
        {
          rule: 'contract.pattern',
          field: 'email',
          result: 'flag',
          message: 'check the e-mail',
          owner: 'data-owner',
        },
      ],
    });
    expect(targets.rows('downstream', 'orders')).toEqual([{ id: 'A1', email: 'nope' }]);
  });

  it('an edge with an empty contract enforces and drops nothing', async () => {
    const trace = await run(writeFlow(contract([])), { id: 'A1', other: 1 });
    expect(trace.status).toBe('succeeded');
    expect(trace.steps[1]?.contract).toBeUndefined();
    expect(trace.steps[1]?.output).toMatchObject({ other: 1 });
  });

  it('a contract that cannot compile fails the step (a plan the compiler would refuse)', async () => {
    const plan = writeFlow(contract([f({ name: 'id', type: 'string' })]));
    const broken: Plan = {
      ...plan,
      edges: plan.edges.map((e) =>
        e.id === 'e1' ? { ...e, contract: contract([f({ name: 'id', type: 'string', pattern: '(' })]) } : e,
      ),
    };
    const targets = createMemoryTargets();
    const trace = await run(broken, { id: 'A1' }, targets);
    expect(trace.status).toBe('failed');
    expect(trace.steps[1]).toMatchObject({ status: 'failed', error: expect.stringContaining('edge "e1"') });
    expect(targets.calls).toEqual([]);
  });

  it('a contract rejection on one branch does not stop its sibling', async () => {
    // Same semantics as a validation node's reject port: the path stops, not the run.
    const plan = planOf(
      [triggerNode(), logNode('n_l1'), logNode('n_l2')],
      [
        ['e1', 'n_t', 'out', 'n_l1'],
        ['e2', 'n_t', 'out', 'n_l2'],
      ],
      { e1: contract([f({ name: 'id', type: 'integer', required: true })]) },
    );
    const trace = await run(plan, { id: 'A1' });
    expect(trace.status).toBe('rejected');
    expect(trace.steps.map((s) => [s.nodeId, s.status])).toEqual([
      ['n_t', 'ok'],
      ['n_l1', 'rejected'],
      ['n_l2', 'ok'],
    ]);
  });
});
