import type { ConnectionKind } from '@baton/schema';
// Moved to @baton/schema so the browser-safe API schemas can name them; re-exported unchanged.
export { CONNECTION_KINDS, type ConnectionKind } from '@baton/schema';

/**
 * A named downstream connection. `config` holds what may be shown (host, table prefix, URL);
 * `secret` is an opaque, already encrypted blob (the store never sees plaintext credentials).
 */
export interface ConnectionRecord {
  name: string;
  kind: ConnectionKind;
  config: Record<string, unknown>;
  secret: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConnectionRepository {
  list(): Promise<ConnectionRecord[]>;
  get(name: string): Promise<ConnectionRecord | null>;
  /** Creates or replaces; answers whether it was created. */
  put(connection: ConnectionRecord): Promise<boolean>;
  /** Answers whether there was one to delete. */
  delete(name: string): Promise<boolean>;
  /** How many connections carry an encrypted secret (start-up refuses them without a key). */
  countWithSecrets(): Promise<number>;
}
