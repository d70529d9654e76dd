import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  CreatedToken,
  CreateTokenBody,
  problems,
  TokenList,
  TokenParams,
  NoContent,
} from '@baton/schema/api';
import { callerOf } from '../auth/auth-plugin.js';
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../auth/credentials.js';
import { auditedChange } from '../governance/record-audit.js';
import { NotFoundProblem } from '../problems.js';

/** Personal API tokens: each user manages their own. The value is answered once, then only its hash exists. */
export async function tokenRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/tokens',
    { schema: { tags: ['auth'], response: { 200: TokenList, ...problems(401) } } },
    async (request) => ({ items: await app.store.auth.listTokens(callerOf(request).user.id) }),
  );

  app.post<{ Body: CreateTokenBody }>(
    '/api/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a personal API token (shown once; send it as Authorization: Bearer)',
        body: CreateTokenBody,
        response: { 201: CreatedToken, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      const token = newSecret(API_TOKEN_PREFIX);
      const created = await auditedChange(app, request, async (tx) => {
        const made = await tx.auth.createToken({
          id: `tok_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
          userId: user.id,
          name: request.body.name,
          prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
          tokenHash: sha256(token),
          now: app.clock.now().toISOString(),
        });
        return {
          result: made,
          audit: {
            action: 'token.create',
            targetKind: 'token',
            targetId: made.id,
            details: { name: made.name, prefix: made.prefix },
          },
        };
      });
      return reply.code(201).send({ ...created, token });
    },
  );

  app.delete<{ Params: TokenParams }>(
    '/api/tokens/:tokenId',
    {
      schema: {
        tags: ['auth'],
        params: TokenParams,
        response: { 204: NoContent, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      await auditedChange(app, request, async (tx) => {
        const revoked = await tx.auth.revokeToken(
          user.id,
          request.params.tokenId,
          app.clock.now().toISOString(),
        );
        if (!revoked)
          throw new NotFoundProblem('token_not_found', `you have no active token ${request.params.tokenId}`);
        return {
          result: undefined,
          audit: { action: 'token.revoke', targetKind: 'token', targetId: request.params.tokenId },
        };
      });
      return reply.code(204).send();
    },
  );
}
