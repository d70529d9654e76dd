import type { ScheduleRepository, ScheduleState } from '../schedules.js';
import type { SqlContext } from './sql-context.js';
import { type ScheduleRow, toState, cursorJson } from '../rows/schedules-rows.js';

export class SqliteSchedules implements ScheduleRepository {
  constructor(private readonly sql: SqlContext) {}

  get(flowId: string, nodeId: string): Promise<ScheduleState | null> {
    return this.sql.gate(() => {
      const row = this.sql
        .stmt('SELECT * FROM schedules WHERE flow_id = ? AND node_id = ?')
        .get(flowId, nodeId) as ScheduleRow | undefined;
      return row ? toState(row) : null;
    });
  }

  advance(input: {
    flowId: string;
    nodeId: string;
    expected: string | number | null;
    next: string | number | null;
    started: number;
    at: string;
  }): Promise<boolean> {
    return this.sql.gate(() => {
      const expected = cursorJson(input.expected);
      const next = cursorJson(input.next);
      const row = this.sql
        .stmt('SELECT cursor FROM schedules WHERE flow_id = ? AND node_id = ?')
        .get(input.flowId, input.nodeId) as { cursor: string | null } | undefined;
      if (!row) {
        // No row yet means the cursor was null: only a tick that started from null may create it.
        if (expected !== null) return false;
        this.sql
          .stmt(
            `INSERT INTO schedules (flow_id, node_id, cursor, last_tick_at, last_started, total_started, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.flowId, input.nodeId, next, input.at, input.started, input.started, input.at);
        return true;
      }
      if (row.cursor !== expected) return false;
      this.sql
        .stmt(
          `UPDATE schedules SET cursor = ?, last_tick_at = ?, last_started = ?,
             total_started = total_started + ?, last_error = NULL, last_error_at = NULL, updated_at = ?
           WHERE flow_id = ? AND node_id = ?`,
        )
        .run(next, input.at, input.started, input.started, input.at, input.flowId, input.nodeId);
      return true;
    });
  }

  recordError(input: { flowId: string; nodeId: string; error: string; at: string }): Promise<void> {
    return this.sql.gate(() => {
      this.sql
        .stmt(
          `INSERT INTO schedules (flow_id, node_id, cursor, last_error, last_error_at, updated_at)
           VALUES (?, ?, NULL, ?, ?, ?)
           ON CONFLICT (flow_id, node_id) DO UPDATE SET
             last_error = excluded.last_error, last_error_at = excluded.last_error_at,
             last_tick_at = excluded.last_error_at, updated_at = excluded.updated_at`,
        )
        .run(input.flowId, input.nodeId, input.error.slice(0, 2000), input.at, input.at);
    });
  }
}
