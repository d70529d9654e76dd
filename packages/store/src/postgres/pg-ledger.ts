import type { LedgerQuery, LedgerRecord, LedgerRepository } from '../ledger.js';
import { chunks, valuesList, type PgContext } from './pg-context.js';
import { type LedgerRow, LEDGER_COLUMNS, toRecord, ledgerParams } from '../rows/ledger-rows.js';

export class PgLedger implements LedgerRepository {
  constructor(private readonly sql: PgContext) {}

  async append(entries: readonly LedgerRecord[]): Promise<void> {
    if (entries.length === 0) return;
    await this.sql.atomic(async (sql) => {
      // Multi-row INSERTs keep the identity (our ordering) in the entries' order.
      for (const part of chunks(entries)) {
        await sql.run(
          `INSERT INTO ledger (${LEDGER_COLUMNS}) VALUES ${valuesList(part.length, 8)}`,
          part.flatMap((e) => ledgerParams(e)),
        );
      }
    });
  }

  async listByRun(runId: string): Promise<LedgerRecord[]> {
    return (
      await this.sql.rows<LedgerRow>(`SELECT ${LEDGER_COLUMNS} FROM ledger WHERE run_id = $1 ORDER BY id`, [
        runId,
      ])
    ).map(toRecord);
  }

  async listByFlow(query: LedgerQuery): Promise<LedgerRecord[]> {
    return (
      await this.sql.rows<LedgerRow>(
        `SELECT ${LEDGER_COLUMNS} FROM ledger WHERE flow_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
        [query.flowId, query.limit],
      )
    ).map(toRecord);
  }
}
