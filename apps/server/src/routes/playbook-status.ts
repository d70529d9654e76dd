import type { FastifyInstance } from 'fastify';
import {
  FlowIdParams,
  problems,
  StatusReportBody,
  StatusReportQuery,
  StatusReportView,
} from '@baton/schema/api';
import { gatherStatusData, weekOf } from '../playbook/status-data.js';
import { generateStatusReport } from '../playbook/status-report.js';
import { BadRequestProblem, NotFoundProblem } from '../problems.js';
import { strictValidators } from '../strict-validators.js';

/** The weekly status of a flow's pilot, generated from its data (GET reads, POST regenerates). */
export async function playbookStatusRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['playbook'];

  const report = async (flowId: string, day: string | undefined) => {
    const flow = await app.store.flows.get(flowId);
    if (!flow) throw new NotFoundProblem('flow_not_found', `no flow ${flowId}`);
    const week = weekOf(day ?? app.clock.now().toISOString().slice(0, 10));
    if (!week) throw new BadRequestProblem('invalid_week', `week must be a date (YYYY-MM-DD), got ${day}`);
    // After a start-up backfill in progress, as on the metrics API.
    await app.metricsProjector.idle();
    const data = await gatherStatusData(app.store, flow, week);
    const { markdown, wordCount } = generateStatusReport(data);
    const m = data.metrics;
    return {
      flowId: flow.id,
      flowName: flow.name,
      week,
      markdown,
      wordCount,
      figures: {
        shipped: data.shipped,
        openFollowUps: data.followUps.length,
        deadLetters: data.deadLetters.length,
        pendingApprovals: data.pendingApprovals.length,
        openRisks: data.openRisks,
        metrics: m && {
          count: m.count,
          ttvP50Ms: m.ttv.p50Ms,
          reworkRate: m.reworkRate,
          slaAdherence: m.slaAdherence,
          baseline: m.baseline,
          targets: m.targets,
        },
      },
    };
  };

  app.get<{ Params: FlowIdParams; Querystring: StatusReportQuery }>(
    '/api/flows/:id/status-report',
    {
      schema: {
        tags,
        params: FlowIdParams,
        querystring: StatusReportQuery,
        response: { 200: StatusReportView, ...problems(400, 404) },
      },
    },
    async (request) => report(request.params.id, request.query.week),
  );

  app.post<{ Params: FlowIdParams; Body: StatusReportBody }>(
    '/api/flows/:id/status-report',
    {
      schema: {
        tags,
        params: FlowIdParams,
        body: StatusReportBody,
        response: { 200: StatusReportView, ...problems(400, 404) },
      },
      validatorCompiler: strictValidators({ params: FlowIdParams, body: StatusReportBody }),
    },
    async (request) => report(request.params.id, request.body.week),
  );
}
