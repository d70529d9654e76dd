import type { BatchCounts, BatchRecord, BatchReject } from '../batches.js';
import { parseJson } from './parse-json.js';

export interface BatchRow {
  id: string;
  flow_id: string;
  version: number;
  format: BatchRecord['format'];
  file_name: string | null;
  state: BatchRecord['state'];
  counts: string;
  bytes: number;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
  error: string | null;
}

export interface RejectRow {
  batch_id: string;
  line: number;
  reason: string;
  error: string;
  raw: string;
  run_id: string | null;
}

export const toBatch = (row: BatchRow): BatchRecord => ({
  id: row.id,
  flowId: row.flow_id,
  version: row.version,
  format: row.format,
  fileName: row.file_name,
  state: row.state,
  counts: parseJson<BatchCounts>(row.counts),
  bytes: row.bytes,
  createdBy: row.created_by,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
  error: row.error,
});

export const toReject = (row: RejectRow): BatchReject => ({
  batchId: row.batch_id,
  line: row.line,
  reason: row.reason,
  error: row.error,
  raw: row.raw,
  runId: row.run_id,
});

/** A batch's values in `batches` column order (id … error), as both backends insert them. */
export function batchParams(batch: BatchRecord): unknown[] {
  return [
    batch.id,
    batch.flowId,
    batch.version,
    batch.format,
    batch.fileName,
    batch.state,
    JSON.stringify(batch.counts),
    batch.bytes,
    batch.createdBy,
    batch.createdAt,
    batch.finishedAt,
    batch.error,
  ];
}
