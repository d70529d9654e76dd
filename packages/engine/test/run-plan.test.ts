import { getKind } from '@baton/nodes';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createFixedClock,
  createMemoryTargets,
  PlanInvalidError,
  runPlan,
  type RunOptions,
} from '../src/index.js';
import { logNode, mapNode, planOf, rulesNode, triggerNode, writeNode } from './flow-builders.js';

const options: RunOptions = { flowId: 'f1', version: 3, runId: 'run_1', dryRun: false };
const deps = (targets = createMemoryTargets()) => ({
  clock: createFixedClock('2026-01-01T00:00:00Z', 5),
  targets,
});

afterEach(() => {
  vi.restoreAllMocks();
});

const linear = () =>
  planOf(
    [
      triggerNode(),
      mapNode(
        'n_m',
        [
          { to: 'id', from: 'id' },
          { to: 'name', from: 'name' },
        ],
        [{ to: 'at', expression: '$now()' }],
      ),
      rulesNode('n_v', [{ expression: '$exists(name)', onFail: 'flag', field: 'name' }]),
      writeNode('n_w'),
      logNode('n_l', ['name']),
    ],
    [
      ['e1', 'n_t', 'out', 'n_m'],
      ['e2', 'n_m', 'out', 'n_v'],
      ['e3', 'n_v', 'pass', 'n_w'],
      ['e4', 'n_w', 'done', 'n_l'],
    ],
  );

describe('runPlan', () => {
  it('records one step per node with input, output, port, edge and clock timing', async () => {
    const trace = await runPlan(linear(), { id: ' A1 ', name: ' Ada ' }, deps(), options);
    expect(trace.status).toBe('succeeded');
    expect(trace.recordKey).toBe('A1');
    expect(trace.startedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(
      trace.steps.map((s) => [s.seq, s.nodeId, s.kind, s.viaEdge, s.status, s.port, s.durationMs]),
    ).toEqual([
      [1, 'n_t', 'trigger', undefined, 'ok', 'out', 5],
      // $now() is pinned to the run's start, so the mapping takes no extra clock reading.
      [2, 'n_m', 'mapping', 'e1', 'ok', 'out', 5],
      [3, 'n_v', 'validation', 'e2', 'ok', 'pass', 5],
      [4, 'n_w', 'write', 'e3', 'ok', 'done', 5],
      [5, 'n_l', 'log', 'e4', 'ok', 'out', 10],
    ]);
    expect(trace.steps[1]).toMatchObject({
      input: { id: ' A1 ', name: ' Ada ' },
      output: { id: 'A1', name: 'Ada', at: '2026-01-01T00:00:00.000Z' },
    });
    expect(trace.steps[3]?.write).toEqual({
      target: 'downstream.orders',
      key: { id: 'A1' },
      action: 'inserted',
      dryRun: false,
    });
    expect(trace.steps[4]?.ledger).toMatchObject({
      nodeId: 'n_l',
      recordKey: 'A1',
      status: 'succeeded',
      payload: { name: '***' },
    });
  });

  it('is deterministic: same plan, record and clock give byte-identical traces', async () => {
    const plan = linear();
    const record = { id: 'A1', name: 'Ada' };
    const first = JSON.stringify(await runPlan(plan, record, deps(), options));
    const second = JSON.stringify(await runPlan(plan, record, deps(), options));
    expect(second).toBe(first);
  });

  it('flags the run when a flag rule fails, and still writes', async () => {
    const targets = createMemoryTargets();
    const trace = await runPlan(linear(), { id: 'A1' }, deps(targets), options);
    expect(trace.status).toBe('flagged');
    expect(targets.rows('downstream', 'orders')).toEqual([{ id: 'A1', at: '2026-01-01T00:00:00.000Z' }]);
    expect(trace.steps.at(-1)?.ledger?.status).toBe('flagged');
  });

  it('stops on reject when the reject port is open, and writes nothing', async () => {
    const plan = planOf(
      [triggerNode(), rulesNode('n_v', [{ expression: 'amount > 0', onFail: 'reject' }]), writeNode('n_w')],
      [
        ['e1', 'n_t', 'out', 'n_v'],
        ['e2', 'n_v', 'pass', 'n_w'],
      ],
    );
    const targets = createMemoryTargets();
    const trace = await runPlan(plan, { id: 'A1', amount: 0 }, deps(targets), options);
    expect(trace.status).toBe('rejected');
    expect(trace.steps.map((s) => [s.nodeId, s.status, s.port])).toEqual([
      ['n_t', 'ok', 'out'],
      ['n_v', 'rejected', 'reject'],
    ]);
    expect(targets.calls).toEqual([]);
  });

  it('rejects a record that is not an object at the trigger', async () => {
    const trace = await runPlan(linear(), [1, 2], deps(), options);
    expect(trace.status).toBe('rejected');
    expect(trace.recordKey).toBeNull();
    expect(trace.steps).toHaveLength(1);
    expect(trace.steps[0]?.checks[0]?.rule).toBe('record_is_object');
  });

  it('follows a write failure down the `failed` port and reports the run failed', async () => {
    const plan = planOf(
      [triggerNode(), writeNode('n_w'), logNode('n_dead')],
      [
        ['e1', 'n_t', 'out', 'n_w'],
        ['e2', 'n_w', 'failed', 'n_dead'],
      ],
    );
    const targets = createMemoryTargets({ failWith: () => 'database is locked' });
    const trace = await runPlan(plan, { id: 'A1' }, deps(targets), options);
    expect(trace.status).toBe('failed');
    expect(trace.steps.map((s) => [s.nodeId, s.status, s.port])).toEqual([
      ['n_t', 'ok', 'out'],
      ['n_w', 'failed', 'failed'],
      ['n_dead', 'ok', 'out'],
    ]);
    expect(trace.steps[1]?.error).toMatch(/database is locked/);
    expect(trace.steps[2]?.ledger?.status).toBe('failed');
  });

  it('turns an exception inside a step into a failed step instead of throwing', async () => {
    vi.spyOn(getKind('log'), 'execute').mockRejectedValue(new Error('ledger exploded'));
    const trace = await runPlan(linear(), { id: 'A1', name: 'Ada' }, deps(), options);
    expect(trace.status).toBe('failed');
    expect(trace.steps.at(-1)).toMatchObject({
      nodeId: 'n_l',
      status: 'failed',
      output: null,
      error: 'ledger exploded',
    });
    expect(trace.steps.at(-1)?.port).toBeUndefined();
  });

  it('runs every target of a fan-out in edge order, visiting a shared node once', async () => {
    const plan = planOf(
      [triggerNode(), logNode('n_a'), logNode('n_b'), logNode('n_join')],
      [
        ['e1', 'n_t', 'out', 'n_a'],
        ['e2', 'n_t', 'out', 'n_b'],
        ['e3', 'n_a', 'out', 'n_join'],
        ['e4', 'n_b', 'out', 'n_join'],
      ],
    );
    const trace = await runPlan(plan, { id: 'A1' }, deps(), options);
    expect(trace.steps.map((s) => [s.seq, s.nodeId, s.viaEdge])).toEqual([
      [1, 'n_t', undefined],
      [2, 'n_a', 'e1'],
      [3, 'n_b', 'e2'],
      [4, 'n_join', 'e3'],
    ]);
  });

  it('only previews writes in a dry run', async () => {
    const targets = createMemoryTargets();
    const trace = await runPlan(linear(), { id: 'A1', name: 'Ada' }, deps(targets), {
      ...options,
      dryRun: true,
    });
    expect(trace.steps[3]?.write).toMatchObject({ action: 'inserted', dryRun: true });
    expect(targets.calls.map((c) => c.method)).toEqual(['preview']);
    expect(targets.rows('downstream', 'orders')).toEqual([]);
  });

  it('ranks statuses: rejected over failed over flagged', async () => {
    const plan = planOf(
      [
        triggerNode(),
        writeNode('n_w'),
        rulesNode('n_v', [
          { expression: 'false', onFail: 'flag' },
          { expression: 'false', onFail: 'reject' },
        ]),
      ],
      [
        ['e1', 'n_t', 'out', 'n_w'],
        ['e2', 'n_w', 'failed', 'n_v'],
      ],
    );
    const trace = await runPlan(
      plan,
      { id: 'A1' },
      deps(createMemoryTargets({ failWith: () => 'down' })),
      options,
    );
    expect(trace.steps.map((s) => s.status)).toEqual(['ok', 'failed', 'rejected']);
    expect(trace.status).toBe('rejected');
  });

  it('throws PlanInvalidError for a plan whose entry is missing', async () => {
    const plan = { ...linear(), entry: 'n_nowhere' };
    await expect(runPlan(plan, {}, deps(), options)).rejects.toBeInstanceOf(PlanInvalidError);
  });
});
