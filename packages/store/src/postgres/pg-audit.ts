import {
  AUDIT_GENESIS,
  auditEntryHash,
  type AuditEntry,
  type AuditFilter,
  type AuditRepository,
  type NewAuditEntry,
} from '../audit.js';
import type { PgContext } from './pg-context.js';
import { type AuditRow, toEntry, auditParams } from '../rows/audit-rows.js';

const COLUMNS = `seq, at, actor, action, target_kind, target_id, before_hash, after_hash, reason, details,
  prev_hash, hash`;

export class PgAudit implements AuditRepository {
  constructor(private readonly sql: PgContext) {}

  append(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.sql.atomic(async (sql) => {
      // The chain needs one appender at a time across every process: EXCLUSIVE mode blocks other
      // appenders (until this transaction ends) but not readers. Reading the last hash under it
      // means two appends can never link to the same predecessor.
      await sql.run('LOCK TABLE audit_log IN EXCLUSIVE MODE');
      const last = await sql.one<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
      );
      const unhashed = { ...entry, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? AUDIT_GENESIS };
      const full: AuditEntry = { ...unhashed, hash: auditEntryHash(unhashed) };
      await sql.run(
        `INSERT INTO audit_log (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        auditParams(full),
      );
      return full;
    });
  }

  async list(filter: AuditFilter): Promise<AuditEntry[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (column: string, op: string, value: unknown) => {
      values.push(value);
      where.push(`${column} ${op} $${values.length}`);
    };
    if (filter.actor) add('actor', '=', filter.actor);
    if (filter.action) add('action', '=', filter.action);
    if (filter.targetKind) add('target_kind', '=', filter.targetKind);
    if (filter.targetId) add('target_id', '=', filter.targetId);
    if (filter.from) add('at', '>=', filter.from);
    if (filter.to) add('at', '<=', filter.to);
    if (filter.beforeSeq !== undefined) add('seq', '<', filter.beforeSeq);
    const limit = Math.trunc(Math.min(Math.max(filter.limit ?? 100, 1), 10_000));
    const rows = await this.sql.rows<AuditRow>(
      `SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY seq DESC LIMIT ${limit}`,
      values,
    );
    return rows.map(toEntry);
  }

  async all(): Promise<AuditEntry[]> {
    return (await this.sql.rows<AuditRow>(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`)).map(toEntry);
  }
}
