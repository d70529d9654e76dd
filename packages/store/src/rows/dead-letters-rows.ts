import type { DeadLetter, DeadLetterAttempt } from '../dead-letters.js';
import { parseJson } from './parse-json.js';

export interface DeadLetterRow {
  run_id: string;
  flow_id: string;
  version: number;
  record_key: string | null;
  error: string;
  attempts: string;
  created_at: string;
  retried_by: string | null;
  retried_at: string | null;
}

export const toDeadLetter = (row: DeadLetterRow): DeadLetter => ({
  runId: row.run_id,
  flowId: row.flow_id,
  version: row.version,
  recordKey: row.record_key,
  error: row.error,
  attempts: parseJson<DeadLetterAttempt[]>(row.attempts),
  createdAt: row.created_at,
  retriedBy: row.retried_by,
  retriedAt: row.retried_at,
});

/** A new dead letter's values in the INSERT's column order (run_id … created_at), as both backends insert them. */
export function deadLetterParams(entry: Omit<DeadLetter, 'retriedBy' | 'retriedAt'>): unknown[] {
  return [
    entry.runId,
    entry.flowId,
    entry.version,
    entry.recordKey,
    entry.error,
    JSON.stringify(entry.attempts),
    entry.createdAt,
  ];
}
