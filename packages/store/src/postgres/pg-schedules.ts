import type { ScheduleRepository, ScheduleState } from '../schedules.js';
import type { PgContext } from './pg-context.js';
import { type ScheduleRow, toState, cursorJson } from '../rows/schedules-rows.js';

const COLUMNS = `flow_id, node_id, cursor, last_tick_at, last_started, total_started, last_error, last_error_at,
  updated_at`;

export class PgSchedules implements ScheduleRepository {
  constructor(private readonly sql: PgContext) {}

  async get(flowId: string, nodeId: string): Promise<ScheduleState | null> {
    const row = await this.sql.one<ScheduleRow>(
      `SELECT ${COLUMNS} FROM schedules WHERE flow_id = $1 AND node_id = $2`,
      [flowId, nodeId],
    );
    return row ? toState(row) : null;
  }

  /**
   * A compare-and-set in single statements: two nodes ticking the same schedule at once both
   * reach the row lock; the second re-reads the cursor the first committed and answers false.
   */
  async advance(input: {
    flowId: string;
    nodeId: string;
    expected: string | number | null;
    next: string | number | null;
    started: number;
    at: string;
  }): Promise<boolean> {
    const expected = cursorJson(input.expected);
    const next = cursorJson(input.next);
    if (expected === null) {
      // No row yet means the cursor was null: only a tick that started from null may create it.
      const created = await this.sql.run(
        `INSERT INTO schedules (flow_id, node_id, cursor, last_tick_at, last_started, total_started, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5, $4) ON CONFLICT (flow_id, node_id) DO NOTHING`,
        [input.flowId, input.nodeId, next, input.at, input.started],
      );
      if (created === 1) return true;
    }
    const updated = await this.sql.run(
      `UPDATE schedules SET cursor = $1, last_tick_at = $2, last_started = $3,
         total_started = total_started + $3, last_error = NULL, last_error_at = NULL, updated_at = $2
       WHERE flow_id = $4 AND node_id = $5 AND cursor IS NOT DISTINCT FROM $6`,
      [next, input.at, input.started, input.flowId, input.nodeId, expected],
    );
    return updated === 1;
  }

  async recordError(input: { flowId: string; nodeId: string; error: string; at: string }): Promise<void> {
    await this.sql.run(
      `INSERT INTO schedules (flow_id, node_id, cursor, last_error, last_error_at, updated_at)
       VALUES ($1, $2, NULL, $3, $4, $4)
       ON CONFLICT (flow_id, node_id) DO UPDATE SET
         last_error = excluded.last_error, last_error_at = excluded.last_error_at,
         last_tick_at = excluded.last_error_at, updated_at = excluded.updated_at`,
      [input.flowId, input.nodeId, input.error.slice(0, 2000), input.at],
    );
  }
}
