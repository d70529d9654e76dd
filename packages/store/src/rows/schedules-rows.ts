import type { ScheduleState } from '../schedules.js';
import { parseJson } from './parse-json.js';

export interface ScheduleRow {
  flow_id: string;
  node_id: string;
  cursor: string | null;
  last_tick_at: string | null;
  last_started: number;
  total_started: number;
  last_error: string | null;
  last_error_at: string | null;
  updated_at: string;
}

export const toState = (row: ScheduleRow): ScheduleState => ({
  flowId: row.flow_id,
  nodeId: row.node_id,
  cursor: row.cursor === null ? null : parseJson<string | number>(row.cursor),
  lastTickAt: row.last_tick_at,
  lastStarted: row.last_started,
  totalStarted: row.total_started,
  lastError: row.last_error,
  lastErrorAt: row.last_error_at,
  updatedAt: row.updated_at,
});

/** The cursor is stored as JSON so a numeric cursor stays a number (and compares as one). */
export const cursorJson = (cursor: string | number | null) =>
  cursor === null ? null : JSON.stringify(cursor);
