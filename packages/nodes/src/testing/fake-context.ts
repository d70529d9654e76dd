import type { PlanEdge } from '@baton/schema';
import { createExpressionRunner } from '../expressions/expression-runner.js';
import type { Clock, ExecuteContext, UpsertRequest, WriteTargets } from '../kind-definition.js';
import { recordKeyOf } from '../record/record-key.js';

/** A clock frozen at one instant: kinds under test read time, they must not depend on it moving. */
export const frozenClock = (iso = '2026-03-15T10:00:00.000Z'): Clock => ({ now: () => new Date(iso) });

export interface RecordingTargets extends WriteTargets {
  calls: Array<{ method: 'upsert' | 'preview'; request: UpsertRequest }>;
}

/** Targets that record calls and answer `inserted` (or throw `fail`), for kind tests. */
export function recordingTargets(fail?: string): RecordingTargets {
  const calls: RecordingTargets['calls'] = [];
  const answer = (method: 'upsert' | 'preview', request: UpsertRequest) => {
    calls.push({ method, request });
    return fail === undefined
      ? Promise.resolve({ action: 'inserted' as const })
      : Promise.reject(new Error(fail));
  };
  return { calls, upsert: (r) => answer('upsert', r), preview: (r) => answer('preview', r) };
}

/** An ExecuteContext for running one kind's `execute` outside the engine. */
export function fakeContext(
  overrides: Partial<ExecuteContext> & { recordKeyFields?: string[] } = {},
): ExecuteContext {
  const { recordKeyFields = [], ...rest } = overrides;
  const clock = rest.clock ?? frozenClock();
  return {
    flowId: 'flow_test',
    version: 1,
    runId: 'run_test',
    dryRun: false,
    clock,
    expressions: createExpressionRunner({ clock }),
    targets: recordingTargets(),
    nodeId: 'n_test',
    nodeLabel: 'Node under test',
    incomingEdge: null,
    recordKey: (record) => recordKeyOf(record, recordKeyFields),
    statusSoFar: () => 'succeeded',
    ...rest,
  };
}

export function edgeWithContract(
  fields: Array<{ name: string; type: 'string' | 'integer' | 'date' }>,
): PlanEdge {
  return {
    id: 'e_in',
    from: { node: 'n_prev', port: 'out' },
    to: { node: 'n_test', port: 'in' },
    contract: { fields: fields.map((f) => ({ ...f, required: false })), extraFields: 'drop' },
    raci: null,
  };
}
