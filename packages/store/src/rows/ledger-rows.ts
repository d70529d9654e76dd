import type { LedgerRecord } from '../ledger.js';
import { parseJson } from './parse-json.js';

export interface LedgerRow {
  flow_id: string;
  version: number;
  run_id: string;
  node_id: string;
  record_key: string | null;
  status: string;
  at: string;
  payload: string;
}

export const LEDGER_COLUMNS = 'flow_id, version, run_id, node_id, record_key, status, at, payload';

export function toRecord(row: LedgerRow): LedgerRecord {
  return {
    flowId: row.flow_id,
    version: row.version,
    runId: row.run_id,
    nodeId: row.node_id,
    recordKey: row.record_key,
    status: row.status,
    at: row.at,
    payload: parseJson<Record<string, unknown>>(row.payload),
  };
}

/** An entry's values in LEDGER_COLUMNS order, as both backends insert them. */
export function ledgerParams(e: LedgerRecord): unknown[] {
  return [e.flowId, e.version, e.runId, e.nodeId, e.recordKey, e.status, e.at, JSON.stringify(e.payload)];
}
