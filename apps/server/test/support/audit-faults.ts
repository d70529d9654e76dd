import type { FastifyInstance } from 'fastify';
import type { AuditRepository, Repositories } from '@baton/store';

export const INJECTED_AUDIT_FAILURE = 'injected: the audit append failed';

/**
 * Fault injection for tests: while on, every audit append made inside a store transaction
 * throws (as a full disk or a lost connection would) after the change's own writes went through
 * the real database. The database is not mocked: only the store's `transaction` is wrapped, so
 * what the test then reads back is what really committed. Returns the switch to turn it off.
 */
export function failAuditAppends(app: FastifyInstance): () => void {
  const store = app.store;
  // Both stores define `transaction` on their class; the wrapper shadows it as an own property.
  const shadowed = Object.getOwnPropertyDescriptor(store, 'transaction');
  const real = store.transaction.bind(store);
  const failing = (audit: AuditRepository): AuditRepository => ({
    append: () => Promise.reject(new Error(INJECTED_AUDIT_FAILURE)),
    list: (filter) => audit.list(filter),
    all: () => audit.all(),
  });
  store.transaction = <T>(fn: (tx: Repositories) => Promise<T>): Promise<T> =>
    real((tx) => fn({ ...tx, audit: failing(tx.audit) }));
  return () => {
    if (shadowed) Object.defineProperty(store, 'transaction', shadowed);
    else delete (store as { transaction?: unknown }).transaction;
  };
}
