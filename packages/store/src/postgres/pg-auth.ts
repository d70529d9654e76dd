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
import type { PgContext } from './pg-context.js';
import {
  TOKEN_COLUMNS,
  toToken,
  type TokenRow,
  USER_COLUMNS,
  userFromRow,
  type UserRowOf,
} from '../rows/auth-rows.js';

// PostgreSQL returns BOOLEAN as a JS boolean, so `disabled` needs no conversion.
type UserRow = UserRowOf<boolean>;

function toUser(row: UserRow): User {
  return userFromRow(row, row.disabled);
}

const prefixed = (alias: string, columns: string) =>
  columns
    .split(', ')
    .map((c) => `${alias}.${c}`)
    .join(', ');

export class PgAuth implements AuthRepository {
  constructor(private readonly sql: PgContext) {}

  async countUsers(): Promise<number> {
    return (await this.sql.one<{ n: number }>('SELECT COUNT(*)::int AS n FROM users'))!.n;
  }

  async createUser(user: NewUser): Promise<User> {
    // ON CONFLICT DO NOTHING covers both the id and the case-insensitive username index.
    const inserted = await this.sql.run(
      `INSERT INTO users (id, username, display_name, role, owner_id, password_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [user.id, user.username, user.displayName, user.role, user.ownerId, user.passwordHash, user.now],
    );
    if (inserted === 0) throw new StoreConflictError(`username ${user.username} is taken`);
    return (await this.getUser(user.id))!;
  }

  async getUser(id: string): Promise<User | null> {
    const row = await this.sql.one<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return row ? toUser(row) : null;
  }

  async userForLogin(username: string): Promise<{ user: User; passwordHash: string } | null> {
    const row = await this.sql.one<UserRow & { password_hash: string }>(
      `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE lower(username) = lower($1)`,
      [username],
    );
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
  }

  async listUsers(): Promise<User[]> {
    return (await this.sql.rows<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY lower(username)`)).map(
      toUser,
    );
  }

  async updateUser(id: string, patch: UserPatch): Promise<User> {
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (patch.displayName !== undefined) set('display_name', patch.displayName);
    if (patch.role !== undefined) set('role', patch.role);
    if (patch.ownerId !== undefined) set('owner_id', patch.ownerId);
    if (patch.disabled !== undefined) set('disabled', patch.disabled);
    if (patch.passwordHash !== undefined) set('password_hash', patch.passwordHash);
    if (sets.length > 0) {
      values.push(id);
      // Built from the fixed column names above; values are bound.
      await this.sql.run(`UPDATE users SET ${sets.join(', ')} WHERE id = $${values.length}`, values);
    }
    const user = await this.getUser(id);
    if (!user) throw new StoreNotFoundError(`user ${id} not found`);
    return user;
  }

  async createSession(session: NewSession): Promise<void> {
    await this.sql.run(
      'INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [session.tokenHash, session.userId, session.csrfToken, session.createdAt, session.expiresAt],
    );
  }

  async sessionByHash(tokenHash: string, now: string): Promise<{ session: Session; user: User } | null> {
    const row = await this.sql.one<
      UserRow & { user_id: string; csrf_token: string; s_created_at: string; expires_at: string }
    >(
      `SELECT ${prefixed('u', USER_COLUMNS)}, s.user_id, s.csrf_token, s.created_at AS s_created_at, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [tokenHash, now],
    );
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
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  async createToken(token: NewApiToken): Promise<ApiToken> {
    const row = await this.sql.one<TokenRow>(
      `INSERT INTO api_tokens (id, user_id, name, prefix, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${TOKEN_COLUMNS}`,
      [token.id, token.userId, token.name, token.prefix, token.tokenHash, token.now],
    );
    return toToken(row!);
  }

  async useToken(tokenHash: string, now: string): Promise<{ token: ApiToken; user: User } | null> {
    const row = await this.sql.one<TokenRow & { user_id: string }>(
      `SELECT ${prefixed('t', TOKEN_COLUMNS)}, t.user_id FROM api_tokens t
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [tokenHash],
    );
    if (!row) return null;
    const user = await this.getUser(row.user_id);
    if (!user) return null;
    // Minute resolution is enough to tell a token in use from a forgotten one, and spares a write per call.
    if (row.last_used_at === null || row.last_used_at.slice(0, 16) !== now.slice(0, 16)) {
      await this.sql.run('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [now, row.id]);
      row.last_used_at = now;
    }
    return { token: toToken(row), user };
  }

  async listTokens(userId: string): Promise<ApiToken[]> {
    return (
      await this.sql.rows<TokenRow>(
        `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id`,
        [userId],
      )
    ).map(toToken);
  }

  async revokeToken(userId: string, tokenId: string, now: string): Promise<boolean> {
    return (
      (await this.sql.run(
        'UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL',
        [now, tokenId, userId],
      )) === 1
    );
  }

  async webhookSecret(flowId: string): Promise<string | null> {
    const row = await this.sql.one<{ secret: string }>(
      'SELECT secret FROM webhook_secrets WHERE flow_id = $1',
      [flowId],
    );
    return row?.secret ?? null;
  }

  async setWebhookSecret(flowId: string, secret: string, now: string): Promise<void> {
    await this.sql.run(
      `INSERT INTO webhook_secrets (flow_id, secret, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (flow_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at`,
      [flowId, secret, now],
    );
  }
}
