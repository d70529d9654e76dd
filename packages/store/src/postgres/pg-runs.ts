import type { Step } from '@baton/schema';
import { stepsDocument, stepsFromDocument } from '../rows/steps-document.js';
import { decodeRunCursor } from '../run-cursor.js';
import type {
  ClaimQuery,
  FinishedRun,
  NewRun,
  RunCounts,
  RunDetail,
  RunFilter,
  RunOutcome,
  RunPage,
  RunQuery,
  RunRecord,
  RunRepository,
} from '../runs.js';
import { parseJson, type PgContext } from './pg-context.js';
import {
  type RunRow,
  type RunInputRow,
  SUMMARY_COLUMNS,
  toRecord,
  FINISHED_RUN_COLUMNS,
  finishedRunParams,
  NEW_RUN_COLUMNS,
  newRunParams,
  toRunPage,
  type StatusCountRow,
  toRunCounts,
} from '../rows/runs-rows.js';

const RECORD_COLUMNS = `${SUMMARY_COLUMNS}, input, input_sealed`;

/** Byte order, as the "C" collation compares: the order SQLite answers the same rows in. */
const byReceived = (a: RunRow, b: RunRow) =>
  a.received_at < b.received_at
    ? -1
    : a.received_at > b.received_at
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

/** WHERE clauses of a runs filter, with `$n` placeholders numbered after `params`. */
function filterClauses(filter: RunFilter, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.flowId !== undefined) add((p) => `flow_id = ${p}`, filter.flowId);
  if (filter.version !== undefined) add((p) => `version = ${p}`, filter.version);
  if (filter.status !== undefined) add((p) => `status = ${p}`, filter.status);
  if (filter.from !== undefined) add((p) => `received_at >= ${p}`, filter.from);
  if (filter.to !== undefined) add((p) => `received_at <= ${p}`, filter.to);
  if (filter.search !== undefined) {
    // A prefix as a range (byte order under the "C" collation), so the record_key index serves it.
    add(
      // As in SQLite: the key through (flow_id, idempotency_key), see migration 13.
      (p) =>
        `((flow_id IN (SELECT id FROM flows) AND idempotency_key = ${p}) OR (record_key >= ${p} AND record_key < (${p} || chr(1114111))))`,
      filter.search,
    );
  }
  return where;
}

const whereSql = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

const pgPlaceholders = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');
// Built once: the webhook path inserts a finished run per request.
const INSERT_NEW_RUN = `INSERT INTO runs (${NEW_RUN_COLUMNS}) VALUES (${pgPlaceholders(17)})`;
const INSERT_FINISHED_RUN = `INSERT INTO runs (${FINISHED_RUN_COLUMNS}) VALUES (${pgPlaceholders(19)})`;

export class PgRuns implements RunRepository {
  constructor(private readonly sql: PgContext) {}

  async insert(run: NewRun): Promise<void> {
    await this.sql.run(INSERT_NEW_RUN, newRunParams(run));
  }

  async insertFinished(run: FinishedRun): Promise<void> {
    await this.sql.run(INSERT_FINISHED_RUN, finishedRunParams(run));
  }

  async finish(runId: string, outcome: RunOutcome): Promise<boolean> {
    // One UPDATE per run, the steps as one document on the run's row (migration 12). The UPDATE
    // locks the row: a second finisher waits, then sees it finished and changes nothing.
    const updated = await this.sql.run(
      `UPDATE runs SET status = $1, record_key = $2, started_at = $3, finished_at = $4, duration_ms = $5,
         error = $6, steps = $7
       WHERE id = $8 AND status IN ('queued', 'running')`,
      [
        outcome.status,
        outcome.recordKey,
        outcome.startedAt,
        outcome.finishedAt,
        outcome.durationMs,
        outcome.error,
        stepsDocument(outcome.steps),
        runId,
      ],
    );
    return updated > 0;
  }

  async get(runId: string): Promise<RunDetail | null> {
    const row = await this.sql.one<RunInputRow & { steps: string | null }>(
      `SELECT ${RECORD_COLUMNS}, steps FROM runs WHERE id = $1`,
      [runId],
    );
    if (!row) return null;
    // Runs finished before migration 12 keep their steps in run_steps.
    const steps =
      row.steps !== null
        ? stepsFromDocument(row.steps)
        : (
            await this.sql.rows<{ step: string }>(
              'SELECT step FROM run_steps WHERE run_id = $1 ORDER BY seq',
              [runId],
            )
          ).map((s) => parseJson<Step>(s.step));
    const { steps: _stored, ...rest } = row;
    return { ...toRecord(rest), steps };
  }

  async list(query: RunQuery): Promise<RunPage> {
    const params: unknown[] = [];
    const where = filterClauses(query, params);
    if (query.cursor !== undefined) {
      const cursor = decodeRunCursor(query.cursor);
      params.push(cursor.receivedAt, cursor.id);
      const [r, i] = [`$${params.length - 1}`, `$${params.length}`];
      where.push(`(received_at < ${r} OR (received_at = ${r} AND id < ${i}))`);
    }
    params.push(query.limit + 1);
    // One row more than asked tells whether there is a next page without a COUNT.
    const rows = await this.sql.rows<RunRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM runs ${whereSql(where)}
       ORDER BY received_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return toRunPage(rows, query.limit);
  }

  async counts(filter: RunFilter): Promise<RunCounts> {
    const { status: _status, ...rest } = filter;
    const params: unknown[] = [];
    const where = filterClauses(rest, params);
    const rows = await this.sql.rows<StatusCountRow>(
      `SELECT status, COUNT(*)::int AS n FROM runs ${whereSql(where)} GROUP BY status`,
      params,
    );
    return toRunCounts(rows);
  }

  async latestByKey(flowId: string, idempotencyKey: string, receivedSince = ''): Promise<RunRecord | null> {
    const row = await this.sql.one<RunInputRow>(
      `SELECT ${RECORD_COLUMNS} FROM runs
       WHERE flow_id = $1 AND idempotency_key = $2 AND status <> 'duplicate' AND received_at >= $3
       ORDER BY received_at DESC, id DESC LIMIT 1`,
      [flowId, idempotencyKey, receivedSince],
    );
    return row ? toRecord(row) : null;
  }

  /**
   * Several processes reconcile at once in a cluster: SKIP LOCKED lets each take rows no other
   * claimer holds, and the lease condition is re-checked on the row it locks, so a run claimed
   * (and committed) by another process a moment ago is not taken again.
   */
  async claimUnfinished(query: ClaimQuery): Promise<RunRecord[]> {
    const rows = await this.sql.rows<RunInputRow>(
      `WITH claimable AS (
         SELECT id FROM runs
         WHERE status IN ('queued', 'running')
           AND ($1::boolean OR lease_expires_at IS NULL OR lease_expires_at < $2)
         ORDER BY received_at, id
         LIMIT $3
         FOR UPDATE SKIP LOCKED
       )
       UPDATE runs r SET lease_owner = $4, lease_expires_at = $5, attempts = r.attempts + 1
       FROM claimable c WHERE r.id = c.id
       RETURNING ${RECORD_COLUMNS.split(', ')
         .map((c) => `r.${c.trim()}`)
         .join(', ')}`,
      [query.ignoreLeases === true, query.now, query.limit, query.owner, query.until],
    );
    return rows.sort(byReceived).map(toRecord);
  }

  purge(before: string, now: string, limit: number): Promise<number> {
    return this.sql.atomic(async (sql) => {
      const ids = (
        await sql.rows<{ id: string }>(
          `SELECT id FROM runs WHERE received_at < $1 AND purged_at IS NULL
             AND status NOT IN ('queued', 'running')
           ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [before, limit],
        )
      ).map((r) => r.id);
      if (ids.length === 0) return 0;
      await sql.run('DELETE FROM run_steps WHERE run_id = ANY($1::text[])', [ids]);
      await sql.run(
        `UPDATE runs SET input = '{}', input_sealed = NULL, steps = NULL, purged_at = $1 WHERE id = ANY($2::text[])`,
        [now, ids],
      );
      return ids.length;
    });
  }

  async unfinished(): Promise<RunRecord[]> {
    return (
      await this.sql.rows<RunInputRow>(
        `SELECT ${RECORD_COLUMNS} FROM runs WHERE status IN ('queued', 'running') ORDER BY received_at, id`,
      )
    ).map(toRecord);
  }

  async sealedInputSample(): Promise<{ flowId: string; inputSealed: string } | null> {
    const row = await this.sql.one<{ flow_id: string; input_sealed: string }>(
      'SELECT flow_id, input_sealed FROM runs WHERE input_sealed IS NOT NULL LIMIT 1',
    );
    return row ? { flowId: row.flow_id, inputSealed: row.input_sealed } : null;
  }
}
