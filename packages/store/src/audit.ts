import { createHash } from 'node:crypto';

/** One state-changing action, as recorded. `hash` chains it to the entry before. */
export interface AuditEntry {
  seq: number;
  at: string;
  /** Username of whoever acted (`system` for the seed and start-up). */
  actor: string;
  action: string;
  targetKind: string;
  targetId: string;
  /** Hashes of the target's state before and after, when the action changed content. */
  beforeHash: string | null;
  afterHash: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetKind?: string;
  targetId?: string;
  from?: string;
  to?: string;
  /** Entries with a lower `seq` only (paging backwards). */
  beforeSeq?: number;
  limit?: number;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose hash or link does not match, when not ok. */
  brokenAt: number | null;
  problem: string | null;
}

export const AUDIT_GENESIS = '0'.repeat(64);

/** The entry's hash: sha256 over the previous hash and every recorded member, in a fixed order. */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const body = JSON.stringify([
    entry.seq,
    entry.at,
    entry.actor,
    entry.action,
    entry.targetKind,
    entry.targetId,
    entry.beforeHash,
    entry.afterHash,
    entry.reason,
    entry.details,
  ]);
  return createHash('sha256').update(entry.prevHash).update('\n').update(body).digest('hex');
}

/** Walks the chain oldest first; any edited, inserted or deleted entry breaks a link. */
export function verifyAuditChain(entries: readonly AuditEntry[]): AuditVerification {
  let prev = AUDIT_GENESIS;
  let expectedSeq = entries[0]?.seq ?? 1;
  for (const entry of entries) {
    const broken = (problem: string): AuditVerification => ({
      ok: false,
      entries: entries.length,
      brokenAt: entry.seq,
      problem,
    });
    if (entry.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing`);
    if (entry.prevHash !== prev) return broken('does not link to the entry before it');
    if (auditEntryHash(entry) !== entry.hash) return broken('its content does not match its hash');
    prev = entry.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: entries.length, brokenAt: null, problem: null };
}

/** Append-only, hash-chained log of every state-changing action. */
/** Reading the audit log: what the store offers outside a transaction. */
export interface AuditReader {
  /** Newest first. */
  list(filter: AuditFilter): Promise<AuditEntry[]>;
  /** Oldest first, for verification. */
  all(): Promise<AuditEntry[]>;
}

/**
 * The audit log inside a transaction (`Repositories`): appending is only offered there, so an
 * entry always commits with the change it records (or neither does).
 */
export interface AuditRepository extends AuditReader {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
}
