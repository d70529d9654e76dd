import type { Static, TSchema } from '@sinclair/typebox';
import type {
  Check,
  Diagnostic,
  LedgerEntry,
  NodeKind,
  PlanEdge,
  StepStatus,
  WriteEffect,
} from '@baton/schema';

/** A port of a node kind: a React Flow handle id on the canvas, an output key in the plan. */
export interface PortSpec {
  id: string;
  label: string;
  /**
   * An output that may be left without an edge without a warning: a record leaving by it simply
   * stops (e.g. `reject`, `failed`, a log's `out` at the end of a flow).
   */
  mayStayOpen?: boolean;
}

/** Browser-safe description of a node kind: what the palette, inspector and compiler read. */
export interface KindSpec<C extends TSchema = TSchema> {
  kind: NodeKind;
  /** Current config version; nodes store `kindVersion` and migrate forward with `migrations`. */
  version: number;
  title: string;
  description: string;
  palette: { group: 'Start' | 'Transform' | 'Check' | 'Deliver' | 'Record'; order: number; glyph: string };
  inputs: PortSpec[];
  outputs: PortSpec[];
  configSchema: C;
  defaultConfig(): Static<C>;
  /** Ordered pure steps: migrations[i] takes a config of version i+1 to version i+2. */
  migrations: Array<(config: Record<string, unknown>) => Record<string, unknown>>;
}

/**
 * Field names known to flow out of a node, for diagnostics such as "write key field not
 * upstream". `null` means unknown (e.g. a trigger whose outgoing edge has no contract).
 */
export type FieldSet = readonly string[] | null;

export interface CompileInput<C> {
  nodeId: string;
  config: C;
  /** Fields arriving on the node's input (union over incoming edges), or null when unknown. */
  fieldsIn: FieldSet;
  incomingEdges: readonly PlanEdge[];
  outgoingEdges: readonly PlanEdge[];
}

export interface CompileOutput<C> {
  /** Normalised config stored in the plan (e.g. defaults filled in). */
  config: C;
  diagnostics: Diagnostic[];
  fieldsOut: FieldSet;
}

/** Compile step of a kind: pure and synchronous, runs in the browser and on the server. */
export type CompileStep<C> = (input: CompileInput<C>) => CompileOutput<C>;

export interface Clock {
  now(): Date;
}

/** Evaluates JSONata with Baton's guards (timeout, depth) and deterministic bindings. */
export interface ExpressionRunner {
  /** `bindings` become `$name` variables (e.g. `$input` in computed mapping fields). */
  evaluate(source: string, input: unknown, bindings?: Readonly<Record<string, unknown>>): Promise<unknown>;
}

export interface ColumnSpec {
  name: string;
  /** Contract field type when known; decides the column's declared affinity. */
  type?: string;
}

export interface UpsertRequest {
  target: { connection: string; table: string };
  keyFields: readonly string[];
  row: Record<string, unknown>;
  onConflict: 'update' | 'skip';
  /** Columns for CREATE TABLE when the table is absent (from the incoming edge's contract, else the row). */
  columns: readonly ColumnSpec[];
  /** Idempotency key of this write: flow id + record key, version-independent. */
  idempotencyKey: string;
}

/** Downstream targets come in through this interface; the engine never opens a database itself. */
export interface WriteTargets {
  upsert(request: UpsertRequest): Promise<{ action: 'inserted' | 'updated' | 'skipped' }>;
  /** Dry-run variant: says what would happen, changes nothing. */
  preview(request: UpsertRequest): Promise<{ action: 'inserted' | 'updated' | 'skipped' }>;
}

export interface ExecuteContext {
  flowId: string;
  version: number | null;
  runId: string;
  dryRun: boolean;
  clock: Clock;
  expressions: ExpressionRunner;
  targets: WriteTargets;
  nodeId: string;
  nodeLabel: string;
  incomingEdge: PlanEdge | null;
  /** Record key computed from the plan's recordKey fields on the current record (null if absent). */
  recordKey: (record: Record<string, unknown>) => string | null;
  /** Run status so far, for log steps that record it. */
  statusSoFar: () => string;
}

export interface ExecuteResult {
  status: StepStatus;
  /** Port to leave by; undefined stops the path here. */
  port?: string;
  output: Record<string, unknown>;
  checks: Check[];
  error?: string;
  write?: WriteEffect;
  ledger?: LedgerEntry;
}

/**
 * Runtime step of a kind, typed by the spec's config so the two cannot drift. `I` is what the
 * step receives: the previous step's output object, except for the trigger, which receives the
 * record exactly as it arrived (`unknown`) and is the one place that checks its shape.
 */
export type ExecuteStep<C, I = Record<string, unknown>> = (
  config: C,
  input: I,
  ctx: ExecuteContext,
) => Promise<ExecuteResult>;

export interface NodeKindDefinition<C extends TSchema = TSchema, I = Record<string, unknown>> {
  spec: KindSpec<C>;
  compile: CompileStep<Static<C>>;
  execute: ExecuteStep<Static<C>, I>;
}

/**
 * A kind with its config type erased, for code that treats every kind alike (compiler, engine).
 * Sound because the compiler checks a node's config against `spec.configSchema` before it calls
 * `compile`, and the engine only runs configs the compiler normalised.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNodeKindDefinition = NodeKindDefinition<any, any>;
