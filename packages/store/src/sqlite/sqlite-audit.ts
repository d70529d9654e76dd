import {
  AUDIT_GENESIS,
  auditEntryHash,
  type AuditEntry,
  type AuditFilter,
  type AuditRepository,
  type NewAuditEntry,
} from '../audit.js';
import type { SqlContext } from './sql-context.js';
import { type AuditRow, toEntry, auditParams } from '../rows/audit-rows.js';

export class SqliteAudit implements AuditRepository {
  constructor(private readonly sql: SqlContext) {}

  append(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.sql.gate(() =>
      // Reading the last hash and appending in one write transaction: two appends cannot fork the chain.
      this.sql.db.transaction(() => {
        const last = this.sql.stmt('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
          { seq: number; hash: string } | undefined;
        const unhashed = { ...entry, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? AUDIT_GENESIS };
        const full: AuditEntry = { ...unhashed, hash: auditEntryHash(unhashed) };
        this.sql
          .stmt(
            `INSERT INTO audit_log (seq, at, actor, action, target_kind, target_id, before_hash, after_hash,
               reason, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(...auditParams(full));
        return full;
      })(),
    );
  }

  list(filter: AuditFilter): Promise<AuditEntry[]> {
    return this.sql.gate(() => {
      const where: string[] = [];
      const values: unknown[] = [];
      const add = (clause: string, value: unknown) => {
        where.push(clause);
        values.push(value);
      };
      if (filter.actor) add('actor = ?', filter.actor);
      if (filter.action) add('action = ?', filter.action);
      if (filter.targetKind) add('target_kind = ?', filter.targetKind);
      if (filter.targetId) add('target_id = ?', filter.targetId);
      if (filter.from) add('at >= ?', filter.from);
      if (filter.to) add('at <= ?', filter.to);
      if (filter.beforeSeq !== undefined) add('seq < ?', filter.beforeSeq);
      const limit = Math.min(Math.max(filter.limit ?? 100, 1), 10_000);
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                   ORDER BY seq DESC LIMIT ${limit}`;
      return (this.sql.db.prepare(sql).all(...values) as AuditRow[]).map(toEntry);
    });
  }

  all(): Promise<AuditEntry[]> {
    return this.sql.gate(() =>
      (this.sql.stmt('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]).map(toEntry),
    );
  }
}
