import type { RunStatus } from '@baton/schema';
import { stepsDocument } from './steps-document.js';
import { encodeRunCursor } from '../run-cursor.js';
import type { FinishedRun, NewRun, RunCounts, RunPage, RunRecord, RunSummary } from '../runs.js';
import { parseJson } from './parse-json.js';

export interface RunRow {
  id: string;
  flow_id: string;
  version: number;
  status: RunStatus;
  record_key: string | null;
  idempotency_key: string;
  payload_hash: string;
  received_at: string;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  duplicate_of: string | null;
  error: string | null;
  purged_at: string | null;
}

export interface RunInputRow extends RunRow {
  input: string;
  input_sealed: string | null;
}

export const SUMMARY_COLUMNS = `id, flow_id, version, status, record_key, idempotency_key, payload_hash,
  received_at, started_at, finished_at, duration_ms, duplicate_of, error, purged_at`;

export function toSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    flowId: row.flow_id,
    version: row.version,
    status: row.status,
    recordKey: row.record_key,
    idempotencyKey: row.idempotency_key,
    payloadHash: row.payload_hash,
    receivedAt: row.received_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    duplicateOf: row.duplicate_of,
    error: row.error,
    ...(row.purged_at !== null && { purgedAt: row.purged_at }),
  };
}

export function toRecord(row: RunInputRow): RunRecord {
  return {
    ...toSummary(row),
    input: parseJson<Record<string, unknown>>(row.input),
    ...(row.input_sealed !== null && { inputSealed: row.input_sealed }),
  };
}

/** The columns a new run's INSERT fills, in the order of `newRunParams`. */
export const NEW_RUN_COLUMNS = `id, flow_id, version, status, record_key, idempotency_key, payload_hash, input,
  input_sealed, received_at, started_at, finished_at, duration_ms, duplicate_of, lease_owner,
  lease_expires_at, attempts`;

/** The columns of a run stored finished, in the order of `finishedRunParams`. */
export const FINISHED_RUN_COLUMNS = `${NEW_RUN_COLUMNS}, error, steps`;

/** A new run's values in the INSERT's column order (id … attempts), as both backends insert them. */
export function newRunParams(run: NewRun): unknown[] {
  // A duplicate executes nothing, so it is finished the moment it is recorded.
  const finishedAt = run.status === 'duplicate' ? run.receivedAt : null;
  return [
    run.id,
    run.flowId,
    run.version,
    run.status,
    run.recordKey,
    run.idempotencyKey,
    run.payloadHash,
    JSON.stringify(run.input),
    run.inputSealed ?? null,
    run.receivedAt,
    finishedAt,
    finishedAt,
    finishedAt === null ? null : 0,
    run.duplicateOf,
    run.lease?.owner ?? null,
    run.lease?.expiresAt ?? null,
    run.lease ? 1 : 0,
  ];
}

/** The same columns as `newRunParams`, then `error` and `steps`, for a run stored finished. */
export function finishedRunParams(run: FinishedRun): unknown[] {
  const { outcome } = run;
  return [
    run.id,
    run.flowId,
    run.version,
    outcome.status,
    outcome.recordKey,
    run.idempotencyKey,
    run.payloadHash,
    JSON.stringify(run.input),
    run.inputSealed ?? null,
    run.receivedAt,
    outcome.startedAt,
    outcome.finishedAt,
    outcome.durationMs,
    null,
    null,
    null,
    1,
    outcome.error,
    stepsDocument(outcome.steps),
  ];
}

/** A page from `limit + 1` rows: the extra row only says whether another page follows. */
export function toRunPage(rows: readonly RunRow[], limit: number): RunPage {
  const items = rows.slice(0, limit).map(toSummary);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeRunCursor({ receivedAt: last.receivedAt, id: last.id }) : null;
  return { items, nextCursor };
}

/** One `GROUP BY status` row; PostgreSQL casts its COUNT to int so both read a number. */
export interface StatusCountRow {
  status: RunStatus;
  n: number;
}

export function toRunCounts(rows: readonly StatusCountRow[]): RunCounts {
  const byStatus: RunCounts['byStatus'] = {};
  let total = 0;
  for (const row of rows) {
    byStatus[row.status] = row.n;
    total += row.n;
  }
  return { total, byStatus };
}
