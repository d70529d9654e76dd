import type { Plan, PlanEdge, PlanNode, Step, Trace } from '@baton/schema';
import {
  createExpressionRunner,
  pinnedTimeBindings,
  getKind,
  isNodeKind,
  isRecordObject,
  recordKeyOf,
  type AnyNodeKindDefinition,
  type Clock,
  type ExecuteContext,
  type ExecuteResult,
  type ExpressionRunner,
  type WriteTargets,
} from '@baton/nodes';
import { applyEdgeContract, type EdgeContractResult } from './edge-contract.js';
import { runStatusOf } from './run-status.js';

export interface EngineDeps {
  clock: Clock;
  targets: WriteTargets;
  /** Shared runner (keeps its compiled-expression cache across runs); one on `clock` by default. */
  expressions?: ExpressionRunner;
}

export interface RunOptions {
  flowId: string;
  version: number | null;
  runId: string;
  dryRun: boolean;
}

/** The plan itself is broken (not the record): a bug upstream of the engine, so it is thrown. */
export class PlanInvalidError extends Error {
  override readonly name = 'PlanInvalidError';
  readonly code = 'plan_invalid';
}

interface Pending {
  node: PlanNode;
  via: PlanEdge | null;
  input: unknown;
}

/**
 * Runs one record through a plan. Deterministic given its inputs: time comes only from
 * `deps.clock`, effects only through `deps.targets`. A failing step becomes a `failed` step in
 * the trace; the only thing this throws is `PlanInvalidError`.
 */
export async function runPlan(
  plan: Plan,
  record: unknown,
  deps: EngineDeps,
  options: RunOptions,
): Promise<Trace> {
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const edges = new Map(plan.edges.map((e) => [e.id, e]));
  const entry = nodes.get(plan.entry);
  if (!entry) throw new PlanInvalidError(`Entry node "${plan.entry}" is not in the plan`);
  const shared = deps.expressions ?? createExpressionRunner({ clock: deps.clock });
  const { clock } = deps;

  const startedAt = clock.now().toISOString();
  // Every expression of this run sees the same `$now()`: the run's recorded start, which a
  // replay injects again, so computed times replay identically.
  const pinned = pinnedTimeBindings(Date.parse(startedAt));
  const expressions: ExpressionRunner = {
    evaluate: (source, input, bindings) => shared.evaluate(source, input, { ...bindings, ...pinned }),
  };
  const steps: Step[] = [];
  const visited = new Set<string>();
  let recordKey: string | null = null;
  // Breadth-first in edge order: siblings of a fan-out run in the order their edges were drawn.
  const queue: Pending[] = [{ node: entry, via: null, input: record }];
  for (let pending = queue.shift(); pending; pending = queue.shift()) {
    const { node, via, input } = pending;
    if (visited.has(node.id)) continue;
    visited.add(node.id);

    const ctx: ExecuteContext = {
      ...options,
      clock,
      expressions,
      targets: deps.targets,
      nodeId: node.id,
      nodeLabel: node.label,
      incomingEdge: via,
      recordKey: (r) => recordKeyOf(r, plan.recordKey),
      statusSoFar: () => runStatusOf(steps),
    };
    const step = await runStep(node, via, input, ctx, steps.length + 1);
    steps.push(step);
    if (isRecordObject(step.output)) recordKey = recordKeyOf(step.output, plan.recordKey) ?? recordKey;

    if (step.port === undefined) continue;
    for (const edgeId of node.outputs[step.port] ?? []) {
      const edge = edges.get(edgeId);
      const target = edge ? nodes.get(edge.to.node) : undefined;
      if (!edge || !target) throw new PlanInvalidError(`Edge "${edgeId}" of node "${node.id}" leads nowhere`);
      queue.push({ node: target, via: edge, input: step.output });
    }
  }
  return { status: runStatusOf(steps), recordKey, steps, startedAt, finishedAt: clock.now().toISOString() };
}

async function runStep(
  node: PlanNode,
  via: PlanEdge | null,
  input: unknown,
  ctx: ExecuteContext,
  seq: number,
): Promise<Step> {
  const started = ctx.clock.now();
  let result: ExecuteResult | { status: 'failed'; output: null; checks: []; error: string };
  let contract: EdgeContractResult | null = null;
  try {
    // The edge's contract guards the node: the node sees only the record the contract lets cross.
    contract = applyEdgeContract(via, input);
    if (contract?.outcome === 'reject') {
      // Stopped at the door: the node does not run, and without a port nothing downstream does.
      result = { status: 'rejected', output: contract.record, checks: [] };
    } else {
      if (!isNodeKind(node.kind)) throw new Error(`Unknown node kind "${String(node.kind)}"`);
      const kind: AnyNodeKindDefinition = getKind(node.kind);
      result = await kind.execute(node.config, contract ? contract.record : input, ctx);
    }
  } catch (err) {
    result = {
      status: 'failed',
      output: null,
      checks: [],
      error: err instanceof Error ? err.message : String(err),
    };
  }
  const finished = ctx.clock.now();
  const step: Step = {
    seq,
    nodeId: node.id,
    kind: node.kind,
    label: node.label,
    ...(via ? { viaEdge: via.id } : {}),
    status: contract?.outcome === 'flag' && result.status === 'ok' ? 'flagged' : result.status,
    ...('port' in result && result.port !== undefined ? { port: result.port } : {}),
    // As it arrived, before the contract dropped anything: `contract.dropped` says what went.
    input,
    output: result.output,
    checks: contract ? [...contract.checks, ...result.checks] : result.checks,
    startedAt: started.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
  };
  if (result.error !== undefined) step.error = result.error;
  if ('write' in result && result.write) step.write = result.write;
  if ('ledger' in result && result.ledger) step.ledger = result.ledger;
  if (contract)
    step.contract = { edgeId: contract.edgeId, dropped: contract.dropped, outcome: contract.outcome };
  return step;
}
