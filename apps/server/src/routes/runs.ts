import type { FastifyInstance } from 'fastify';
import { RUN_STATUSES } from '@baton/schema';
import type { RunSummary } from '@baton/store';
import {
  problems,
  RunCounts,
  RunDetail,
  RunFilterQuery,
  RunIdParams,
  RunPage,
  RunsQuery,
} from '@baton/schema/api';
import { NotFoundProblem } from '../problems.js';
import { toCsv } from './csv.js';
import { toRunFilter } from './run-filter.js';
import { maskRun } from '../masking/mask-run.js';

/** Most rows one CSV export carries; narrow the filter for more. */
const CSV_MAX_ROWS = 10_000;
const CSV_COLUMNS: ReadonlyArray<keyof RunSummary> = [
  'id',
  'flowId',
  'version',
  'status',
  'recordKey',
  'idempotencyKey',
  'receivedAt',
  'startedAt',
  'finishedAt',
  'durationMs',
  'duplicateOf',
  'error',
];

export async function runRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: RunsQuery }>(
    '/api/runs',
    { schema: { tags: ['runs'], querystring: RunsQuery, response: { 200: RunPage, ...problems(400) } } },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return app.store.runs.list({
        ...toRunFilter(filter),
        limit,
        ...(cursor !== undefined && { cursor }),
      });
    },
  );

  app.get<{ Querystring: RunFilterQuery }>(
    '/api/runs/counts',
    {
      schema: {
        tags: ['runs'],
        summary: 'Runs per status under the filters (the status filter itself is ignored)',
        querystring: RunFilterQuery,
        response: { 200: RunCounts, ...problems(400) },
      },
    },
    async (request) => {
      const counts = await app.store.runs.counts(toRunFilter(request.query));
      // Every status present, zeros included, so a client can render the bar without defaults.
      const byStatus = Object.fromEntries(RUN_STATUSES.map((s) => [s, counts.byStatus[s] ?? 0]));
      return { total: counts.total, byStatus };
    },
  );

  app.get<{ Querystring: RunFilterQuery }>(
    '/api/runs/export.csv',
    {
      schema: {
        tags: ['runs'],
        summary: `The filtered runs list as CSV, newest first (at most ${CSV_MAX_ROWS} rows)`,
        querystring: RunFilterQuery,
        produces: ['text/csv'],
        response: { 200: { type: 'string' }, ...problems(400) },
      },
    },
    async (request, reply) => {
      const filter = toRunFilter(request.query);
      const rows: RunSummary[] = [];
      let cursor: string | undefined;
      do {
        const page = await app.store.runs.list({ ...filter, limit: 1000, ...(cursor ? { cursor } : {}) });
        rows.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && rows.length < CSV_MAX_ROWS);
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="runs.csv"');
      return toCsv(
        CSV_COLUMNS,
        rows.slice(0, CSV_MAX_ROWS).map((run) => CSV_COLUMNS.map((c) => run[c])),
      );
    },
  );

  app.get<{ Params: RunIdParams }>(
    '/api/runs/:id',
    { schema: { tags: ['runs'], params: RunIdParams, response: { 200: RunDetail, ...problems(404) } } },
    async (request) => {
      const run = await app.store.runs.get(request.params.id);
      if (!run) throw new NotFoundProblem('run_not_found', `no run ${request.params.id}`);
      // Traces shown by the API never carry pii values (masking/mask-run.ts).
      return maskRun(app.store, run);
    },
  );

  app.get<{ Params: RunIdParams }>(
    '/api/runs/:id/export',
    {
      schema: {
        tags: ['runs'],
        summary: 'One run with its steps as a JSON download',
        params: RunIdParams,
        response: { 200: RunDetail, ...problems(404) },
      },
    },
    async (request, reply) => {
      const run = await app.store.runs.get(request.params.id);
      if (!run) throw new NotFoundProblem('run_not_found', `no run ${request.params.id}`);
      const filename = `run-${run.id.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
      void reply.header('content-disposition', `attachment; filename="${filename}"`);
      return maskRun(app.store, run);
    },
  );
}
