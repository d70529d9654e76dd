import type { AuditEntry } from '../audit.js';
import { parseJson } from './parse-json.js';

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target_kind: string;
  target_id: string;
  before_hash: string | null;
  after_hash: string | null;
  reason: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    targetKind: row.target_kind,
    targetId: row.target_id,
    beforeHash: row.before_hash,
    afterHash: row.after_hash,
    reason: row.reason,
    details: parseJson<Record<string, unknown>>(row.details),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** An entry's values in `audit_log` column order (seq … hash), as both backends insert them. */
export function auditParams(entry: AuditEntry): unknown[] {
  return [
    entry.seq,
    entry.at,
    entry.actor,
    entry.action,
    entry.targetKind,
    entry.targetId,
    entry.beforeHash,
    entry.afterHash,
    entry.reason,
    JSON.stringify(entry.details),
    entry.prevHash,
    entry.hash,
  ];
}
