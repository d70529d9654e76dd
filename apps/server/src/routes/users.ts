import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { StoreConflictError, StoreNotFoundError, type UserPatch } from '@baton/store';
import {
  CreateUserBody,
  problems,
  UpdateUserBody,
  UserList,
  UserParams,
  UserSchema,
} from '@baton/schema/api';
import { callerOf } from '../auth/auth-plugin.js';
import { hashPassword } from '../auth/passwords.js';
import { auditedChange } from '../governance/record-audit.js';
import { ConflictProblem, NotFoundProblem, Problem } from '../problems.js';

export function newUserId(): string {
  return `u_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** Users admin (admins only): create, change role/owner link/password, disable. */
export async function userRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/users',
    { schema: { tags: ['users'], response: { 200: UserList, ...problems(401, 403) } } },
    async () => ({ items: await app.store.auth.listUsers() }),
  );

  app.post<{ Body: CreateUserBody }>(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        body: CreateUserBody,
        response: { 201: UserSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      // scrypt is slow by design: hashed before the transaction, which would hold the database meanwhile.
      const passwordHash = await hashPassword(body.password);
      try {
        const user = await auditedChange(app, request, async (tx) => {
          const created = await tx.auth.createUser({
            id: newUserId(),
            username: body.username,
            displayName: body.displayName ?? body.username,
            role: body.role,
            ownerId: body.ownerId ?? null,
            passwordHash,
            now: app.clock.now().toISOString(),
          });
          return {
            result: created,
            audit: {
              action: 'user.create',
              targetKind: 'user',
              targetId: created.username,
              details: { role: created.role, ownerId: created.ownerId },
            },
          };
        });
        return reply.code(201).send(user);
      } catch (error) {
        if (error instanceof StoreConflictError) throw new ConflictProblem('username_taken', error.message);
        throw error;
      }
    },
  );

  app.patch<{ Params: UserParams; Body: UpdateUserBody }>(
    '/api/users/:userId',
    {
      schema: {
        tags: ['users'],
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: UserSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { user: me } = callerOf(request);
      const { password, ...rest } = request.body;
      // An admin who demotes or disables themselves could leave Baton with no admin at all.
      if (request.params.userId === me.id && ((rest.role && rest.role !== 'admin') || rest.disabled)) {
        throw new Problem(409, 'conflict', 'you cannot demote or disable yourself; ask another admin');
      }
      const patch: UserPatch = {};
      if (rest.displayName !== undefined) patch.displayName = rest.displayName;
      if (rest.role !== undefined) patch.role = rest.role;
      if (rest.ownerId !== undefined) patch.ownerId = rest.ownerId;
      if (rest.disabled !== undefined) patch.disabled = rest.disabled;
      // Hashed before the transaction (scrypt is slow), which then holds only the writes.
      if (password !== undefined) patch.passwordHash = await hashPassword(password);
      try {
        const user = await auditedChange(app, request, async (tx) => {
          const updated = await tx.auth.updateUser(request.params.userId, patch);
          // A disabled user or a new password ends every open session of that user.
          if (rest.disabled || password !== undefined) await tx.auth.deleteSessionsOf(updated.id);
          return {
            result: updated,
            audit: {
              action: 'user.update',
              targetKind: 'user',
              targetId: updated.username,
              details: { ...rest, passwordChanged: password !== undefined },
            },
          };
        });
        return user;
      } catch (error) {
        if (error instanceof StoreNotFoundError) throw new NotFoundProblem('user_not_found', error.message);
        throw error;
      }
    },
  );
}
