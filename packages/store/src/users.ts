import type { Role } from '@baton/schema';
// Moved to @baton/schema so the browser-safe API schemas can name them; re-exported unchanged.
export { ROLES, type Role } from '@baton/schema';

/** A user as the API shows it: never the password hash. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The owners-directory entry this user speaks for (field owners); null for others. */
  ownerId: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  ownerId: string | null;
  passwordHash: string;
  now: string;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  ownerId?: string | null;
  disabled?: boolean;
  passwordHash?: string;
}

export interface NewSession {
  /** sha256 of the cookie value: a stolen database does not yield live sessions. */
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface Session {
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** A personal API token as listed: its hash and value never leave the store. */
export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the token, so a user can tell tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewApiToken {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  tokenHash: string;
  now: string;
}

/**
 * Users and their credentials: sessions, personal API tokens and the flows' webhook secrets.
 * Secrets that the server only compares (sessions, tokens) are stored as sha256 hashes.
 */
export interface AuthRepository {
  countUsers(): Promise<number>;
  /** Throws `StoreConflictError` when the username is taken. */
  createUser(user: NewUser): Promise<User>;
  getUser(id: string): Promise<User | null>;
  /** The user with their password hash, for login only. */
  userForLogin(username: string): Promise<{ user: User; passwordHash: string } | null>;
  listUsers(): Promise<User[]>;
  /** Throws `StoreNotFoundError`. */
  updateUser(id: string, patch: UserPatch): Promise<User>;

  createSession(session: NewSession): Promise<void>;
  /** The live session (not expired at `now`) and its user. */
  sessionByHash(tokenHash: string, now: string): Promise<{ session: Session; user: User } | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(userId: string): Promise<void>;

  createToken(token: NewApiToken): Promise<ApiToken>;
  /** The unrevoked token and its user; touches `lastUsedAt`. */
  useToken(tokenHash: string, now: string): Promise<{ token: ApiToken; user: User } | null>;
  listTokens(userId: string): Promise<ApiToken[]>;
  /** False when the user has no such unrevoked token. */
  revokeToken(userId: string, tokenId: string, now: string): Promise<boolean>;

  webhookSecret(flowId: string): Promise<string | null>;
  setWebhookSecret(flowId: string, secret: string, now: string): Promise<void>;
}
