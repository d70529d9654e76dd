import type { FastifyInstance } from 'fastify';
import { FlowIdParams, problems, WebhookSecret } from '@baton/schema/api';
import { newSecret } from '../auth/credentials.js';
import { SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS } from '../auth/webhook-signature.js';
import { auditedChange } from '../governance/record-audit.js';
import { NotFoundProblem } from '../problems.js';

/**
 * A flow's webhook secret (admins only): made on first read, replaced by POST. It must be
 * readable, unlike tokens, because the sending system signs with it.
 */
export async function webhookSecretRoutes(app: FastifyInstance): Promise<void> {
  const answer = (flowId: string, secret: string) => ({
    flowId,
    secret,
    header: SIGNATURE_HEADER,
    scheme: 't=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>',
    toleranceSeconds: SIGNATURE_TOLERANCE_SECONDS,
  });
  const flowOr404 = async (id: string) => {
    if (!(await app.store.flows.get(id))) throw new NotFoundProblem('flow_not_found', `no flow ${id}`);
  };

  app.get<{ Params: FlowIdParams }>(
    '/api/flows/:id/webhook-secret',
    {
      schema: {
        tags: ['hooks'],
        params: FlowIdParams,
        response: { 200: WebhookSecret, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const flowId = request.params.id;
      await flowOr404(flowId);
      const existing = await app.store.auth.webhookSecret(flowId);
      if (existing !== null) return answer(flowId, existing);
      const secret = await auditedChange(app, request, async (tx) => {
        // Looked up again inside: a first read that raced this one may have made it meanwhile.
        const made = await tx.auth.webhookSecret(flowId);
        if (made !== null) return { result: made, audit: null };
        const fresh = newSecret('whsec_');
        await tx.auth.setWebhookSecret(flowId, fresh, app.clock.now().toISOString());
        return {
          result: fresh,
          audit: { action: 'webhook_secret.create', targetKind: 'flow', targetId: flowId },
        };
      });
      return answer(flowId, secret);
    },
  );

  app.post<{ Params: FlowIdParams }>(
    '/api/flows/:id/webhook-secret',
    {
      schema: {
        tags: ['hooks'],
        params: FlowIdParams,
        response: { 200: WebhookSecret, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const flowId = request.params.id;
      await flowOr404(flowId);
      const secret = newSecret('whsec_');
      await auditedChange(app, request, async (tx) => {
        await tx.auth.setWebhookSecret(flowId, secret, app.clock.now().toISOString());
        return {
          result: undefined,
          audit: { action: 'webhook_secret.rotate', targetKind: 'flow', targetId: flowId },
        };
      });
      return answer(flowId, secret);
    },
  );
}
