import type { Step } from '@baton/schema';
import { stepsDocument, stepsFromDocument } from '../rows/steps-document.js';
import { decodeRunCursor } from '../run-cursor.js';
import type {
  ClaimQuery,
  FinishedRun,
  NewRun,
  RunDetail,
  RunOutcome,
  RunCounts,
  RunFilter,
  RunPage,
  RunQuery,
  RunRecord,
  RunRepository,
} from '../runs.js';
import { parseJson, type SqlContext } from './sql-context.js';
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

/**
 * WHERE clauses of a runs filter; every one is served by an index (migrations 2 and 6).
 * `keyIndexes`: a search is answered from the key indexes (the idempotency and record-key
 * lookups, merged) rather than by walking the flow's runs newest first. Without statistics
 * SQLite prefers the walk whenever a flow is given (it yields rows in page order), which reads
 * every run of the flow when the search matches few of them; the unary `+` takes `flow_id`
 * (and, in `list`, the order) out of its choices.
 */
function filterClauses(
  filter: RunFilter,
  keyIndexes = false,
): { where: string[]; params: Array<string | number> } {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (filter.flowId !== undefined) {
    where.push(keyIndexes ? '+flow_id = ?' : 'flow_id = ?');
    params.push(filter.flowId);
  }
  if (filter.version !== undefined) {
    where.push('version = ?');
    params.push(filter.version);
  }
  if (filter.status !== undefined) {
    where.push('status = ?');
    params.push(filter.status);
  }
  if (filter.from !== undefined) {
    where.push('received_at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    where.push('received_at <= ?');
    params.push(filter.to);
  }
  if (filter.search !== undefined) {
    // A prefix as a range, not LIKE: a range uses the record_key index whatever the collation.
    // The key through (flow_id, idempotency_key), one probe per flow: no index of its own, which
    // every run would write to a random page (migration 13).
    where.push(
      '((flow_id IN (SELECT id FROM flows) AND idempotency_key = ?) OR (record_key >= ? AND record_key < ? || char(1114111)))',
    );
    params.push(filter.search, filter.search, filter.search);
  }
  return { where, params };
}

const sqlitePlaceholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
// Built once: the webhook path inserts a finished run per request.
const INSERT_NEW_RUN = `INSERT INTO runs (${NEW_RUN_COLUMNS}) VALUES (${sqlitePlaceholders(17)})`;
const INSERT_FINISHED_RUN = `INSERT INTO runs (${FINISHED_RUN_COLUMNS}) VALUES (${sqlitePlaceholders(19)})`;

/** The query of one page of runs (exported for the plan test). */
export function runListQuery(
  query: RunQuery,
  keyIndexes: boolean,
): { sql: string; params: Array<string | number> } {
  const { where, params } = filterClauses(query, keyIndexes);
  if (query.cursor !== undefined) {
    const cursor = decodeRunCursor(query.cursor);
    where.push('(received_at < ? OR (received_at = ? AND id < ?))');
    params.push(cursor.receivedAt, cursor.receivedAt, cursor.id);
  }
  // One row more than asked tells whether there is a next page without a COUNT.
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${keyIndexes ? '+' : ''}received_at DESC, id DESC LIMIT ?`;
  return { sql, params: [...params, query.limit + 1] };
}

/** Up to this many matches, a search's page is fetched from the key indexes and sorted. */
const SEARCH_SORT_CAP = 2000;

export class SqliteRuns implements RunRepository {
  constructor(private readonly sql: SqlContext) {}

  insert(run: NewRun): Promise<void> {
    return this.sql.gate(() => {
      this.sql.stmt(INSERT_NEW_RUN).run(...newRunParams(run));
    });
  }

  insertFinished(run: FinishedRun): Promise<void> {
    return this.sql.gate(() => {
      this.sql.stmt(INSERT_FINISHED_RUN).run(...finishedRunParams(run));
    });
  }

  finish(runId: string, outcome: RunOutcome): Promise<boolean> {
    return this.sql.gate(() => {
      // One UPDATE per run: the steps go in as one JSON document on the run's own row
      // (migration 12), not one run_steps row (and index entry) per step.
      const updated = this.sql
        .stmt(
          `UPDATE runs SET status = ?, record_key = ?, started_at = ?, finished_at = ?, duration_ms = ?, error = ?,
             steps = ?
           WHERE id = ? AND status IN ('queued', 'running')`,
        )
        .run(
          outcome.status,
          outcome.recordKey,
          outcome.startedAt,
          outcome.finishedAt,
          outcome.durationMs,
          outcome.error,
          stepsDocument(outcome.steps),
          runId,
        );
      return updated.changes > 0;
    });
  }

  get(runId: string): Promise<RunDetail | null> {
    return this.sql.gate(() => {
      const row = this.sql
        .stmt(`SELECT ${SUMMARY_COLUMNS}, input, input_sealed, steps FROM runs WHERE id = ?`)
        .get(runId) as (RunInputRow & { steps: string | null }) | undefined;
      if (!row) return null;
      // Runs finished before migration 12 keep their steps in run_steps.
      const steps =
        row.steps !== null
          ? stepsFromDocument(row.steps)
          : (
              this.sql.stmt('SELECT step FROM run_steps WHERE run_id = ? ORDER BY seq').all(runId) as Array<{
                step: string;
              }>
            ).map((s) => parseJson<Step>(s.step));
      const { steps: _stored, ...rest } = row;
      return { ...toRecord(rest), steps };
    });
  }

  list(query: RunQuery): Promise<RunPage> {
    return this.sql.gate(() => {
      const keyIndexes = query.search !== undefined && this.fewMatches(query);
      const { sql, params } = runListQuery(query, keyIndexes);
      return toRunPage(this.sql.stmt(sql).all(...params) as RunRow[], query.limit);
    });
  }

  /**
   * Whether a search matches few enough runs to fetch them all from the key indexes and sort
   * them. A broad prefix ("SO-") matches most runs: then walking the runs newest first finds a
   * page at once. Counted through the key indexes, stopping at the cap.
   */
  private fewMatches(filter: RunFilter): boolean {
    const { where, params } = filterClauses(filter, true);
    const { n } = this.sql
      .stmt(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM runs WHERE ${where.join(' AND ')} LIMIT ?)`)
      .get(...params, SEARCH_SORT_CAP) as { n: number };
    return n < SEARCH_SORT_CAP;
  }

  counts(filter: RunFilter): Promise<RunCounts> {
    return this.sql.gate(() => {
      const { status: _status, ...rest } = filter;
      // Counting reads every match whatever the plan: the key indexes never read more.
      const { where, params } = filterClauses(rest, rest.search !== undefined);
      const rows = this.sql
        .stmt(
          `SELECT status, COUNT(*) AS n FROM runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY status`,
        )
        .all(...params) as StatusCountRow[];
      return toRunCounts(rows);
    });
  }

  latestByKey(flowId: string, idempotencyKey: string, receivedSince = ''): Promise<RunRecord | null> {
    return this.sql.gate(() => {
      const row = this.sql
        .stmt(
          // INDEXED BY: without statistics the planner prefers runs_flow_received and scans every
          // run of the flow (0.9 ms per webhook at 100k runs instead of microseconds).
          `SELECT ${SUMMARY_COLUMNS}, input, input_sealed FROM runs INDEXED BY runs_flow_idempotency
           WHERE flow_id = ? AND idempotency_key = ? AND status <> 'duplicate' AND received_at >= ?
           ORDER BY received_at DESC, id DESC LIMIT 1`,
        )
        .get(flowId, idempotencyKey, receivedSince) as RunInputRow | undefined;
      return row ? toRecord(row) : null;
    });
  }

  claimUnfinished(query: ClaimQuery): Promise<RunRecord[]> {
    return this.sql.gate(() =>
      this.sql.db.transaction(() => {
        const rows = this.sql
          .stmt(
            `SELECT ${SUMMARY_COLUMNS}, input, input_sealed FROM runs WHERE status IN ('queued', 'running')
               AND (? = 1 OR lease_expires_at IS NULL OR lease_expires_at < ?)
             ORDER BY received_at, id LIMIT ?`,
          )
          .all(query.ignoreLeases ? 1 : 0, query.now, query.limit) as RunInputRow[];
        const claim = this.sql.stmt(
          `UPDATE runs SET lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1
           WHERE id = ? AND status IN ('queued', 'running')`,
        );
        for (const row of rows) claim.run(query.owner, query.until, row.id);
        return rows.map(toRecord);
      })(),
    );
  }

  purge(before: string, now: string, limit: number): Promise<number> {
    return this.sql.gate(() =>
      this.sql.db.transaction(() => {
        const ids = (
          this.sql
            .stmt(
              `SELECT id FROM runs WHERE received_at < ? AND purged_at IS NULL
                 AND status NOT IN ('queued', 'running') ORDER BY received_at LIMIT ?`,
            )
            .all(before, limit) as Array<{ id: string }>
        ).map((r) => r.id);
        const dropSteps = this.sql.stmt('DELETE FROM run_steps WHERE run_id = ?');
        const dropInput = this.sql.stmt(
          `UPDATE runs SET input = '{}', input_sealed = NULL, steps = NULL, purged_at = ? WHERE id = ?`,
        );
        for (const id of ids) {
          dropSteps.run(id);
          dropInput.run(now, id);
        }
        return ids.length;
      })(),
    );
  }

  unfinished(): Promise<RunRecord[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(
            `SELECT ${SUMMARY_COLUMNS}, input, input_sealed FROM runs WHERE status IN ('queued', 'running')
             ORDER BY received_at, id`,
          )
          .all() as RunInputRow[]
      ).map(toRecord),
    );
  }

  sealedInputSample(): Promise<{ flowId: string; inputSealed: string } | null> {
    return this.sql.gate(() => {
      const row = this.sql
        .stmt('SELECT flow_id, input_sealed FROM runs WHERE input_sealed IS NOT NULL LIMIT 1')
        .get() as { flow_id: string; input_sealed: string } | undefined;
      return row ? { flowId: row.flow_id, inputSealed: row.input_sealed } : null;
    });
  }
}
