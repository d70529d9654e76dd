import type { LedgerQuery, LedgerRecord, LedgerRepository } from '../ledger.js';
import { parseJson, type SqlContext } from './sql-context.js';

interface LedgerRow {
  flow_id: string;
  version: number;
  run_id: string;
  node_id: string;
  record_key: string | null;
  status: string;
  at: string;
  payload: string;
}

const COLUMNS = 'flow_id, version, run_id, node_id, record_key, status, at, payload';

function toRecord(row: LedgerRow): LedgerRecord {
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

export class SqliteLedger implements LedgerRepository {
  constructor(private readonly sql: SqlContext) {}

  append(entries: readonly LedgerRecord[]): Promise<void> {
    return this.sql.gate(() => {
      const insert = this.sql.stmt(`INSERT INTO ledger (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      this.sql.db.transaction(() => {
        for (const e of entries) {
          insert.run(
            e.flowId,
            e.version,
            e.runId,
            e.nodeId,
            e.recordKey,
            e.status,
            e.at,
            JSON.stringify(e.payload),
          );
        }
      })();
    });
  }

  listByRun(runId: string): Promise<LedgerRecord[]> {
    return this.sql.gate(() =>
      (
        this.sql.stmt(`SELECT ${COLUMNS} FROM ledger WHERE run_id = ? ORDER BY id`).all(runId) as LedgerRow[]
      ).map(toRecord),
    );
  }

  listByFlow(query: LedgerQuery): Promise<LedgerRecord[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(`SELECT ${COLUMNS} FROM ledger WHERE flow_id = ? ORDER BY at DESC, id DESC LIMIT ?`)
          .all(query.flowId, query.limit) as LedgerRow[]
      ).map(toRecord),
    );
  }
}
