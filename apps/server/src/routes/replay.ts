import type { FastifyInstance } from 'fastify';
import {
  FlowIdParams,
  problems,
  ReplayBody,
  ReplayResponse,
  RunIdParams,
  WhatIfBody,
  WhatIfReport,
} from '@baton/schema/api';
import { bulkWhatIf } from '../replay/bulk-what-if.js';
import { ReplayService } from '../replay/replay-service.js';
import { toRunFilter } from './run-filter.js';

/**
 * Replay and what-if: re-runs logged runs dry (recorded clock, recorded write answers, previews
 * for anything new; nothing written, stored or notified) and diffs the traces.
 */
export async function replayRoutes(app: FastifyInstance): Promise<void> {
  const service = new ReplayService(app.store, app.downstream, app.runInputs);

  app.post<{ Params: RunIdParams; Body: ReplayBody }>(
    '/api/runs/:id/replay',
    {
      schema: {
        tags: ['runs'],
        summary: 'Dry re-run of a run against a version or the draft, with a per-step, per-field trace diff',
        params: RunIdParams,
        body: ReplayBody,
        response: { 200: ReplayResponse, ...problems(400, 404, 409, 422) },
      },
    },
    async (request) => service.replayMasked(request.params.id, request.body.version),
  );

  app.post<{ Params: FlowIdParams; Body: WhatIfBody }>(
    '/api/flows/:id/what-if',
    {
      schema: {
        tags: ['runs'],
        summary:
          'Bulk what-if: replay the last N runs (or a filter) against the draft or a version; a report',
        params: FlowIdParams,
        body: WhatIfBody,
        response: { 200: WhatIfReport, ...problems(400, 404, 422) },
      },
    },
    async (request) =>
      bulkWhatIf(
        app.store,
        service,
        {
          flowId: request.params.id,
          against: request.body.version ?? 'draft',
          limit: request.body.limit,
          filter: toRunFilter(request.body.filter ?? {}),
        },
        app.clock.now(),
      ),
  );
}
