import { StoreConflictError, StoreNotFoundError } from '../errors.js';
import type {
  ApiToken,
  AuthRepository,
  NewApiToken,
  NewSession,
  NewUser,
  Session,
  User,
  UserPatch,
} from '../users.js';
import { isUniqueViolation, type SqlContext } from './sql-context.js';
import {
  TOKEN_COLUMNS,
  toToken,
  type TokenRow,
  USER_COLUMNS,
  userFromRow,
  type UserRowOf,
} from '../rows/auth-rows.js';

// SQLite has no boolean type: `disabled` is stored as 0/1.
type UserRow = UserRowOf<number>;

function toUser(row: UserRow): User {
  return userFromRow(row, row.disabled === 1);
}

/** Prefixes `u_` so a user's columns can be read beside a joined table's. */
const U = USER_COLUMNS.split(', ')
  .map((c) => `u.${c}`)
  .join(', ');

export class SqliteAuth implements AuthRepository {
  constructor(private readonly sql: SqlContext) {}

  countUsers(): Promise<number> {
    return this.sql.gate(() => (this.sql.stmt('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n);
  }

  createUser(user: NewUser): Promise<User> {
    return this.sql.gate(() => {
      try {
        this.sql
          .stmt(
            `INSERT INTO users (id, username, display_name, role, owner_id, password_hash, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            user.id,
            user.username,
            user.displayName,
            user.role,
            user.ownerId,
            user.passwordHash,
            user.now,
          );
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreConflictError(`username ${user.username} is taken`);
        throw error;
      }
      return this.user(user.id)!;
    });
  }

  getUser(id: string): Promise<User | null> {
    return this.sql.gate(() => this.user(id));
  }

  userForLogin(username: string): Promise<{ user: User; passwordHash: string } | null> {
    return this.sql.gate(() => {
      const row = this.sql
        .stmt(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE username = ?`)
        .get(username) as (UserRow & { password_hash: string }) | undefined;
      return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
    });
  }

  listUsers(): Promise<User[]> {
    return this.sql.gate(() =>
      (this.sql.stmt(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`).all() as UserRow[]).map(toUser),
    );
  }

  updateUser(id: string, patch: UserPatch): Promise<User> {
    return this.sql.gate(() => {
      const sets: string[] = [];
      const values: unknown[] = [];
      const set = (column: string, value: unknown) => {
        sets.push(`${column} = ?`);
        values.push(value);
      };
      if (patch.displayName !== undefined) set('display_name', patch.displayName);
      if (patch.role !== undefined) set('role', patch.role);
      if (patch.ownerId !== undefined) set('owner_id', patch.ownerId);
      if (patch.disabled !== undefined) set('disabled', patch.disabled ? 1 : 0);
      if (patch.passwordHash !== undefined) set('password_hash', patch.passwordHash);
      if (sets.length > 0) {
        // Built from the fixed column names above; values are bound.
        this.sql.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
      }
      const user = this.user(id);
      if (!user) throw new StoreNotFoundError(`user ${id} not found`);
      return user;
    });
  }

  createSession(session: NewSession): Promise<void> {
    return this.sql.gate(() => {
      this.sql
        .stmt(
          'INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(session.tokenHash, session.userId, session.csrfToken, session.createdAt, session.expiresAt);
    });
  }

  sessionByHash(tokenHash: string, now: string): Promise<{ session: Session; user: User } | null> {
    return this.sql.gate(() => {
      const row = this.sql
        .stmt(
          `SELECT ${U}, s.user_id, s.csrf_token, s.created_at AS s_created_at, s.expires_at
           FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE s.token_hash = ? AND s.expires_at > ?`,
        )
        .get(tokenHash, now) as
        | (UserRow & { user_id: string; csrf_token: string; s_created_at: string; expires_at: string })
        | undefined;
      if (!row) return null;
      return {
        session: {
          userId: row.user_id,
          csrfToken: row.csrf_token,
          createdAt: row.s_created_at,
          expiresAt: row.expires_at,
        },
        user: toUser(row),
      };
    });
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.sql.gate(() => {
      this.sql.stmt('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    });
  }

  deleteSessionsOf(userId: string): Promise<void> {
    return this.sql.gate(() => {
      this.sql.stmt('DELETE FROM sessions WHERE user_id = ?').run(userId);
    });
  }

  createToken(token: NewApiToken): Promise<ApiToken> {
    return this.sql.gate(() => {
      this.sql
        .stmt(
          'INSERT INTO api_tokens (id, user_id, name, prefix, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(token.id, token.userId, token.name, token.prefix, token.tokenHash, token.now);
      return toToken(
        this.sql.stmt(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = ?`).get(token.id) as TokenRow,
      );
    });
  }

  useToken(tokenHash: string, now: string): Promise<{ token: ApiToken; user: User } | null> {
    return this.sql.gate(() => {
      const row = this.sql
        .stmt(
          `SELECT t.${TOKEN_COLUMNS.split(', ').join(', t.')}, t.user_id FROM api_tokens t
           WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
        )
        .get(tokenHash) as (TokenRow & { user_id: string }) | undefined;
      if (!row) return null;
      const user = this.user(row.user_id);
      if (!user) return null;
      // Minute resolution is enough to tell a token in use from a forgotten one, and spares a write per call.
      if (row.last_used_at === null || row.last_used_at.slice(0, 16) !== now.slice(0, 16)) {
        this.sql.stmt('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now, row.id);
        row.last_used_at = now;
      }
      return { token: toToken(row), user };
    });
  }

  listTokens(userId: string): Promise<ApiToken[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC, id`)
          .all(userId) as TokenRow[]
      ).map(toToken),
    );
  }

  revokeToken(userId: string, tokenId: string, now: string): Promise<boolean> {
    return this.sql.gate(
      () =>
        this.sql
          .stmt('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL')
          .run(now, tokenId, userId).changes === 1,
    );
  }

  webhookSecret(flowId: string): Promise<string | null> {
    return this.sql.gate(() => {
      const row = this.sql.stmt('SELECT secret FROM webhook_secrets WHERE flow_id = ?').get(flowId) as
        { secret: string } | undefined;
      return row?.secret ?? null;
    });
  }

  setWebhookSecret(flowId: string, secret: string, now: string): Promise<void> {
    return this.sql.gate(() => {
      this.sql
        .stmt(
          `INSERT INTO webhook_secrets (flow_id, secret, created_at) VALUES (?, ?, ?)
           ON CONFLICT (flow_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at`,
        )
        .run(flowId, secret, now);
    });
  }

  private user(id: string): User | null {
    const row = this.sql.stmt(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(id) as
      UserRow | undefined;
    return row ? toUser(row) : null;
  }
}
