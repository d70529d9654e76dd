import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Repositories } from '@baton/store';

export interface AuditEvent {
  action: string;
  targetKind: string;
  targetId: string;
  beforeHash?: string | null;
  afterHash?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Who acted: a username, or the request whose caller acted (`system` when there is none). */
export type AuditActor = string | FastifyRequest | null;

/**
 * What an audited change answers. `audit` is required so no call site can leave it out by
 * accident: `null` says, on purpose, that this call changed nothing (an idempotent repeat).
 */
export interface AuditedOutcome<T> {
  result: T;
  audit: AuditEvent | AuditEvent[] | null;
}

/** Who acted: the caller's username, else `system` (seed, start-up, signed webhooks). */
export function actorOf(request: FastifyRequest | null): string {
  return request?.caller?.user.username ?? 'system';
}

/**
 * Makes a change and records it in the hash-chained audit log in ONE store transaction, so
 * an auditor never finds a change without its entry, nor an entry without its change: a crash
 * or a failing append rolls the change back, and a failing change leaves no entry.
 *
 * `change` must use only `tx` (on SQLite `app.store` waits for this transaction to end, so a
 * call through it inside waits for itself until the store fails it with
 * `StoreTransactionStuckError` and the change rolls back) and do nothing slow: the transaction holds the database's write
 * lock (SQLite) and, from the append on, the audit chain's lock (PostgreSQL). So hash
 * passwords, read what only shapes the answer and make HTTP calls before or after, never inside.
 * Entries are appended after `change`, last in the transaction, which keeps the chain's lock
 * short and always taken after the change's own row locks (no lock-order deadlocks).
 * Details must never hold secrets (tokens, hashes of passwords, webhook secrets).
 */
export function auditedChange<T>(
  app: FastifyInstance,
  actor: AuditActor,
  change: (tx: Repositories) => Promise<AuditedOutcome<T>>,
): Promise<T> {
  const who = typeof actor === 'string' ? actor : actorOf(actor);
  return app.store.transaction(async (tx) => {
    const { result, audit } = await change(tx);
    const events = audit === null ? [] : Array.isArray(audit) ? audit : [audit];
    for (const event of events) await recordAudit(app, tx, who, event);
    return result;
  });
}

/** Not exported: the only way in is `auditedChange`, which keeps the entry in the change's transaction. */
async function recordAudit(
  app: FastifyInstance,
  tx: Repositories,
  actor: string,
  event: AuditEvent,
): Promise<void> {
  await tx.audit.append({
    at: app.clock.now().toISOString(),
    actor,
    action: event.action,
    targetKind: event.targetKind,
    targetId: event.targetId,
    beforeHash: event.beforeHash ?? null,
    afterHash: event.afterHash ?? null,
    reason: event.reason ?? null,
    details: event.details ?? {},
  });
}
