import type * as Api from '@baton/schema/api';
import type { Static } from '@baton/schema/api';
import { request } from './http';

// Derived from the server's schemas (see api-types.ts).
export type Role = Static<typeof Api.RoleSchema>;
export type User = Static<typeof Api.UserSchema>;
export type Me = Static<typeof Api.MeResponse>;
export type ApiToken = Static<typeof Api.ApiTokenSchema>;
export type NewUser = Static<typeof Api.CreateUserBody>;
export type UserPatch = Static<typeof Api.UpdateUserBody>;

export const authApi = {
  login: (username: string, password: string) =>
    request<Static<typeof Api.LoginResponse>>('/api/auth/login', {
      method: 'POST',
      body: { username, password } satisfies Static<typeof Api.LoginBody>,
    }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST' }),
  me: (signal?: AbortSignal) => request<Me>('/api/me', signal ? { signal } : {}),
  tokens: () => request<Static<typeof Api.TokenList>>('/api/tokens'),
  createToken: (name: string) =>
    request<Static<typeof Api.CreatedToken>>('/api/tokens', { method: 'POST', body: { name } }),
  revokeToken: (id: string) => request<void>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  users: (signal?: AbortSignal) =>
    request<Static<typeof Api.UserList>>('/api/users', signal ? { signal } : {}),
  createUser: (body: NewUser) => request<User>('/api/users', { method: 'POST', body }),
  updateUser: (id: string, body: UserPatch) =>
    request<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
};
