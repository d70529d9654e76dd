import { request } from './http';

export type Role = 'admin' | 'analyst' | 'owner' | 'viewer';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  ownerId: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface Me {
  user: User;
  via: 'session' | 'token';
  csrfToken: string | null;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewUser {
  username: string;
  displayName?: string;
  role: Role;
  ownerId?: string | null;
  password: string;
}

export type UserPatch = Partial<Pick<User, 'displayName' | 'role' | 'ownerId' | 'disabled'>> & {
  password?: string;
};

export const authApi = {
  login: (username: string, password: string) =>
    request<{ csrfToken: string; user: User }>('/api/auth/login', {
      method: 'POST',
      body: { username, password },
    }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST' }),
  me: (signal?: AbortSignal) => request<Me>('/api/me', signal ? { signal } : {}),
  tokens: () => request<{ items: ApiToken[] }>('/api/tokens'),
  createToken: (name: string) =>
    request<ApiToken & { token: string }>('/api/tokens', { method: 'POST', body: { name } }),
  revokeToken: (id: string) => request<void>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  users: (signal?: AbortSignal) => request<{ items: User[] }>('/api/users', signal ? { signal } : {}),
  createUser: (body: NewUser) => request<User>('/api/users', { method: 'POST', body }),
  updateUser: (id: string, body: UserPatch) =>
    request<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
};
