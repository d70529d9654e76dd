import type { LedgerQuery, LedgerRecord, LedgerRepository } from '../ledger.js';
import type { SqlContext } from './sql-context.js';
import { type LedgerRow, LEDGER_COLUMNS, toRecord, ledgerParams } from '../rows/ledger-rows.js';

export class SqliteLedger implements LedgerRepository {
  constructor(private readonly sql: SqlContext) {}

  append(entries: readonly LedgerRecord[]): Promise<void> {
    return this.sql.gate(() => {
      const insert = this.sql.stmt(`INSERT INTO ledger (${LEDGER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      this.sql.db.transaction(() => {
        for (const e of entries) {
          insert.run(...ledgerParams(e));
        }
      })();
    });
  }

  listByRun(runId: string): Promise<LedgerRecord[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(`SELECT ${LEDGER_COLUMNS} FROM ledger WHERE run_id = ? ORDER BY id`)
          .all(runId) as LedgerRow[]
      ).map(toRecord),
    );
  }

  listByFlow(query: LedgerQuery): Promise<LedgerRecord[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(`SELECT ${LEDGER_COLUMNS} FROM ledger WHERE flow_id = ? ORDER BY at DESC, id DESC LIMIT ?`)
          .all(query.flowId, query.limit) as LedgerRow[]
      ).map(toRecord),
    );
  }
}
