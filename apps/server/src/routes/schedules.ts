import type { FastifyInstance } from 'fastify';
import {
  CronPreview,
  CronPreviewBody,
  FlowIdParams,
  problems,
  ScheduleStatus,
  ScheduleTickAnswer,
} from '@baton/schema/api';
import { Problem } from '../problems.js';
import { previewCron } from '../triggers/schedule-manager.js';
import { publishedSchedule } from '../triggers/schedule-tick.js';

/** Schedule triggers: status of the published version's schedule, a tick on demand, cron previews. */
export async function scheduleRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: FlowIdParams }>(
    '/api/flows/:id/schedule',
    {
      schema: {
        tags: ['schedules'],
        summary: "The published version's schedule: next fire times, last tick, cursor, last error",
        params: FlowIdParams,
        response: { 200: ScheduleStatus, ...problems(401, 403, 404) },
      },
    },
    async (request): Promise<ScheduleStatus> => {
      const flowId = request.params.id;
      let found: Awaited<ReturnType<typeof publishedSchedule>> | null = null;
      try {
        found = await publishedSchedule(app.store, flowId);
      } catch (error) {
        // Not published, or no schedule trigger: answered as "not configured"; a missing flow is a 404.
        if (!(error instanceof Problem) || error.code === 'flow_not_found') throw error;
      }
      const state = found ? await app.store.schedules.get(flowId, found.nodeId) : null;
      const live = app.schedules.status(flowId);
      return {
        flowId,
        configured: found !== null,
        version: found?.version ?? null,
        nodeId: found?.nodeId ?? null,
        cron: found?.settings.cron ?? null,
        timezone: found?.settings.timezone ?? null,
        source: found ? { ...found.settings.source } : null,
        active: live.active,
        running: live.running,
        nextRuns: live.nextRuns,
        cursor: state?.cursor ?? null,
        lastTickAt: state?.lastTickAt ?? null,
        lastStarted: state?.lastStarted ?? 0,
        totalStarted: state?.totalStarted ?? 0,
        lastError: state?.lastError ?? null,
        lastErrorAt: state?.lastErrorAt ?? null,
      };
    },
  );

  app.post<{ Params: FlowIdParams }>(
    '/api/flows/:id/schedule/run-now',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Tick the schedule now: one run per new source row, cursor moved in the same commit',
        params: FlowIdParams,
        response: { 200: ScheduleTickAnswer, ...problems(401, 403, 404, 409, 502) },
      },
    },
    async (request) => app.schedules.tick(request.params.id),
  );

  app.post<{ Body: CronPreviewBody }>(
    '/api/schedules/preview',
    {
      schema: {
        tags: ['schedules'],
        summary: 'The next three fire times of a cron expression (for the trigger inspector)',
        body: CronPreviewBody,
        response: { 200: CronPreview, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const preview = previewCron(request.body.cron, request.body.timezone);
      return preview.valid
        ? { valid: true, nextRuns: preview.nextRuns, error: null }
        : { valid: false, nextRuns: [], error: preview.error };
    },
  );
}
