import type { ApiToken, Role, User } from '../users.js';

/**
 * A users row. `disabled` is the one column the backends read back differently (SQLite has no
 * boolean type and stores 0/1; PostgreSQL returns a BOOLEAN), so each repository names its type.
 */
export interface UserRowOf<Disabled> {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  owner_id: string | null;
  disabled: Disabled;
  created_at: string;
}

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export const USER_COLUMNS = 'id, username, display_name, role, owner_id, disabled, created_at';
export const TOKEN_COLUMNS = 'id, name, prefix, created_at, last_used_at, revoked_at';

/** The shared part of a user's mapping; the caller converts its backend's `disabled` value. */
export function userFromRow(row: UserRowOf<unknown>, disabled: boolean): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    ownerId: row.owner_id,
    disabled,
    createdAt: row.created_at,
  };
}

export function toToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
