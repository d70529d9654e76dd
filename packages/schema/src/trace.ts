import { Type, type Static } from '@sinclair/typebox';
import { NodeKind } from './source.js';

export const RUN_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'flagged',
  'rejected',
  'failed',
  'duplicate',
] as const;
export const RunStatus = Type.Union(RUN_STATUSES.map((s) => Type.Literal(s)));
export type RunStatus = Static<typeof RunStatus>;

export const CheckResult = Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('flag')]);
export type CheckResult = Static<typeof CheckResult>;

/** One contract or rule check on one record. */
export const Check = Type.Object(
  {
    rule: Type.String(),
    field: Type.Optional(Type.String()),
    result: CheckResult,
    message: Type.Optional(Type.String()),
    owner: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Check = Static<typeof Check>;

export const StepStatus = Type.Union([
  Type.Literal('ok'),
  Type.Literal('flagged'),
  Type.Literal('rejected'),
  Type.Literal('failed'),
]);
export type StepStatus = Static<typeof StepStatus>;

/** What a write step did to the target; lets a replay show insert/update/skip per run. */
export const WriteEffect = Type.Object(
  {
    target: Type.String(),
    key: Type.Record(Type.String(), Type.Unknown()),
    action: Type.Union([Type.Literal('inserted'), Type.Literal('updated'), Type.Literal('skipped')]),
    dryRun: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type WriteEffect = Static<typeof WriteEffect>;

/** A movement-ledger entry produced by a log step; persisted with the run, atomically. */
export const LedgerEntry = Type.Object(
  {
    nodeId: Type.String(),
    recordKey: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    at: Type.String(),
    payload: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
export type LedgerEntry = Static<typeof LedgerEntry>;

/** What an edge's contract did to the record on its way into a step. */
export const StepContract = Type.Object(
  {
    edgeId: Type.String(),
    /** Extra fields stripped under `extraFields: 'drop'`. */
    dropped: Type.Array(Type.String()),
    outcome: Type.Union([Type.Literal('pass'), Type.Literal('flag'), Type.Literal('reject')]),
  },
  { additionalProperties: false },
);
export type StepContract = Static<typeof StepContract>;

export const Step = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    nodeId: Type.String(),
    kind: NodeKind,
    label: Type.String(),
    /** The edge the record arrived on (absent for the trigger). */
    viaEdge: Type.Optional(Type.String()),
    status: StepStatus,
    /** Port the record left by; absent when it stopped here. */
    port: Type.Optional(Type.String()),
    input: Type.Unknown(),
    output: Type.Unknown(),
    checks: Type.Array(Check),
    startedAt: Type.String(),
    durationMs: Type.Number(),
    error: Type.Optional(Type.String()),
    write: Type.Optional(WriteEffect),
    ledger: Type.Optional(LedgerEntry),
    /** Set when the record arrived over an edge with a contract; its checks lead `checks`. */
    contract: Type.Optional(StepContract),
  },
  { additionalProperties: false },
);
export type Step = Static<typeof Step>;

export const Trace = Type.Object(
  {
    status: RunStatus,
    recordKey: Type.Union([Type.String(), Type.Null()]),
    steps: Type.Array(Step),
    startedAt: Type.String(),
    finishedAt: Type.String(),
  },
  { additionalProperties: false },
);
export type Trace = Static<typeof Trace>;
