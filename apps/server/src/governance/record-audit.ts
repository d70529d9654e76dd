import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditEntry } from '@baton/store';

export interface AuditEvent {
  action: string;
  targetKind: string;
  targetId: string;
  beforeHash?: string | null;
  afterHash?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Who acted: the caller's username, else `system` (seed, start-up, signed webhooks). */
export function actorOf(request: FastifyRequest | null): string {
  return request?.caller?.user.username ?? 'system';
}

/**
 * Appends one entry to the hash-chained audit log. Called right after the change commits;
 * details must never hold secrets (tokens, hashes of passwords, webhook secrets).
 */
export function recordAudit(
  app: FastifyInstance,
  actor: string | FastifyRequest | null,
  event: AuditEvent,
): Promise<AuditEntry> {
  return app.store.audit.append({
    at: app.clock.now().toISOString(),
    actor: typeof actor === 'string' ? actor : actorOf(actor),
    action: event.action,
    targetKind: event.targetKind,
    targetId: event.targetId,
    beforeHash: event.beforeHash ?? null,
    afterHash: event.afterHash ?? null,
    reason: event.reason ?? null,
    details: event.details ?? {},
  });
}
