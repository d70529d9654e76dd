import type { FastifyInstance } from 'fastify';
import {
  DemoCleared,
  FlowIdParams,
  MetricSettingsBody,
  MetricSettingsView,
  MetricsQuery,
  MetricsReport,
  Portfolio,
  PortfolioQuery,
  problems,
} from '@baton/schema/api';
import { auditedChange } from '../governance/record-audit.js';
import { flowMetricsReport } from '../metrics/flow-metrics.js';
import { metricsCsv } from '../metrics/metrics-csv.js';
import { resolvePeriod } from '../metrics/metrics-period.js';
import { portfolio } from '../metrics/portfolio.js';
import { NotFoundProblem } from '../problems.js';

async function mustFindFlow(app: FastifyInstance, flowId: string): Promise<void> {
  if (!(await app.store.flows.get(flowId))) throw new NotFoundProblem('flow_not_found', `no flow ${flowId}`);
}

/** Time-to-Value, rework and SLA adherence per flow and across flows (issue 6). */
export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['metrics'];

  app.get<{ Params: FlowIdParams; Querystring: MetricsQuery }>(
    '/api/flows/:id/metrics',
    {
      schema: {
        tags,
        summary:
          'The flow metrics of a period (default: the last 30 days) with daily buckets; `format=csv` exports them',
        params: FlowIdParams,
        querystring: MetricsQuery,
        response: { 200: MetricsReport, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await mustFindFlow(app, id);
      // A start-up backfill in progress (after an upgrade) first; newer runs carry their facts.
      await app.metricsProjector.idle();
      const period = resolvePeriod(request.query, app.clock.now());
      const report = await flowMetricsReport(app.store, {
        flowId: id,
        ...period,
        version: request.query.version,
      });
      if (request.query.format !== 'csv') return report;
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${id}-metrics.csv"`);
      return reply.send(metricsCsv(report));
    },
  );

  app.get<{ Querystring: PortfolioQuery }>(
    '/api/metrics/portfolio',
    {
      schema: {
        tags,
        summary: 'One row per flow: its three metrics over the period against its baseline',
        querystring: PortfolioQuery,
        response: { 200: Portfolio, ...problems(400) },
      },
    },
    async (request) => {
      await app.metricsProjector.idle();
      return portfolio(app.store, resolvePeriod(request.query, app.clock.now()));
    },
  );

  app.get<{ Params: FlowIdParams }>(
    '/api/flows/:id/metrics/settings',
    { schema: { tags, params: FlowIdParams, response: { 200: MetricSettingsView, ...problems(404) } } },
    async (request) => {
      const { id } = request.params;
      await mustFindFlow(app, id);
      const settings = await app.store.metrics.settings(id);
      return settings ?? { flowId: id, slaTargetMs: null, updatedAt: null };
    },
  );

  app.put<{ Params: FlowIdParams; Body: MetricSettingsBody }>(
    '/api/flows/:id/metrics/settings',
    {
      schema: {
        tags,
        summary: "Sets the flow's SLA target for Time-to-Value (milliseconds; null clears it)",
        params: FlowIdParams,
        body: MetricSettingsBody,
        response: { 200: MetricSettingsView, ...problems(400, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await mustFindFlow(app, id);
      const settings = {
        flowId: id,
        slaTargetMs: request.body.slaTargetMs,
        updatedAt: app.clock.now().toISOString(),
      };
      await auditedChange(app, request, async (tx) => {
        await tx.metrics.saveSettings(settings);
        return {
          result: undefined,
          audit: {
            action: 'metrics.sla_target',
            targetKind: 'flow',
            targetId: id,
            details: { slaTargetMs: settings.slaTargetMs },
          },
        };
      });
      return settings;
    },
  );

  app.delete<{ Params: FlowIdParams }>(
    '/api/flows/:id/metrics/demo',
    {
      schema: {
        tags,
        summary: "Removes the flow's seeded demo history",
        params: FlowIdParams,
        response: { 200: DemoCleared, ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await mustFindFlow(app, id);
      const removed = await auditedChange(app, request, async (tx) => {
        const count = await tx.metrics.clearDemo(id);
        return {
          result: count,
          audit: {
            action: 'metrics.demo_clear',
            targetKind: 'flow',
            targetId: id,
            details: { removed: count },
          },
        };
      });
      return { removed };
    },
  );
}
