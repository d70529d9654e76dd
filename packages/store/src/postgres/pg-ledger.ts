import type { LedgerQuery, LedgerRecord, LedgerRepository } from '../ledger.js';
import { chunks, parseJson, valuesList, type PgContext } from './pg-context.js';

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

export class PgLedger implements LedgerRepository {
  constructor(private readonly sql: PgContext) {}

  async append(entries: readonly LedgerRecord[]): Promise<void> {
    if (entries.length === 0) return;
    await this.sql.atomic(async (sql) => {
      // Multi-row INSERTs keep the identity (our ordering) in the entries' order.
      for (const part of chunks(entries)) {
        await sql.run(
          `INSERT INTO ledger (${COLUMNS}) VALUES ${valuesList(part.length, 8)}`,
          part.flatMap((e) => [
            e.flowId,
            e.version,
            e.runId,
            e.nodeId,
            e.recordKey,
            e.status,
            e.at,
            JSON.stringify(e.payload),
          ]),
        );
      }
    });
  }

  async listByRun(runId: string): Promise<LedgerRecord[]> {
    return (
      await this.sql.rows<LedgerRow>(`SELECT ${COLUMNS} FROM ledger WHERE run_id = $1 ORDER BY id`, [runId])
    ).map(toRecord);
  }

  async listByFlow(query: LedgerQuery): Promise<LedgerRecord[]> {
    return (
      await this.sql.rows<LedgerRow>(
        `SELECT ${COLUMNS} FROM ledger WHERE flow_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
        [query.flowId, query.limit],
      )
    ).map(toRecord);
  }
}
