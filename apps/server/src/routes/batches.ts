import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { BatchFormat, BatchRecord, BatchReject } from '@baton/store';
import {
  BatchList,
  BatchListQuery,
  BatchParams,
  BatchUploadQuery,
  BatchView,
  FlowIdParams,
  problems,
  RejectsFile,
  RejectsQuery,
} from '@baton/schema/api';
import { NotFoundProblem, Problem } from '../problems.js';
import { toCsv } from './csv.js';

/** The media types a batch may arrive as; the body is handed to the route as a stream. */
const MEDIA_TYPES: Record<string, BatchFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
};

function formatOf(contentType: string | undefined): BatchFormat {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const format = MEDIA_TYPES[media];
  if (!format) {
    throw new Problem(
      415,
      'unsupported_media_type',
      `a batch is text/csv (with a header row) or application/x-ndjson (JSON Lines), not "${media || 'nothing'}"`,
    );
  }
  return format;
}

export function batchView(batch: BatchRecord): BatchView {
  const c = batch.counts;
  return {
    ...batch,
    finished: c.succeeded + c.flagged + c.rejected + c.failed + c.duplicate,
    rejects: c.malformed + c.rejected + c.failed,
  };
}

const REJECT_COLUMNS = ['line', 'reason', 'error', 'runId', 'raw'] as const;

async function* rejectLines(
  app: FastifyInstance,
  batchId: string,
  format: 'csv' | 'jsonl',
): AsyncGenerator<string> {
  if (format === 'csv') yield toCsv(REJECT_COLUMNS, []);
  let after = 0;
  for (;;) {
    // Paged, so a batch with a million rejects downloads without loading them all.
    const page: BatchReject[] = await app.store.batches.rejects(batchId, after, 1000);
    if (page.length === 0) return;
    after = page.at(-1)!.line;
    yield format === 'csv'
      ? toCsv(
          [],
          page.map((r) => [r.line, r.reason, r.error, r.runId, r.raw]),
        ).replace(/^\r\n/, '')
      : page
          .map(
            (r) =>
              `${JSON.stringify({ line: r.line, reason: r.reason, error: r.error, runId: r.runId, raw: r.raw })}\n`,
          )
          .join('');
  }
}

/**
 * Batch uploads: `POST /api/flows/:id/batches` streams a CSV or JSONL file into one run per row.
 * This plugin is encapsulated, so its pass-through body parsers apply to these routes only.
 */
export async function batchRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser(Object.keys(MEDIA_TYPES), (_request, payload, done) => done(null, payload));

  app.post<{ Params: FlowIdParams; Querystring: BatchUploadQuery }>(
    '/api/flows/:id/batches',
    {
      schema: {
        tags: ['batches'],
        summary: 'Upload a CSV or JSONL file: one run per row of the published version (streamed)',
        description:
          'The body streams (text/csv with a header row, or application/x-ndjson). Answers when every row has run, with per-status counts; poll GET /api/batches/:id meanwhile (pass ?id=b_… to know it in advance).',
        params: FlowIdParams,
        querystring: BatchUploadQuery,
        response: { 201: BatchView, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const format = formatOf(request.headers['content-type']);
      const body = request.body;
      if (!(body instanceof Readable)) {
        throw new Problem(415, 'unsupported_media_type', 'a batch body must be CSV or JSON Lines');
      }
      const batch = await app.batches.run({
        id: request.query.id,
        flowId: request.params.id,
        format,
        fileName: request.query.fileName ?? null,
        createdBy: request.caller?.user.username ?? null,
        body,
      });
      return reply.code(201).send(batchView(batch));
    },
  );

  app.get<{ Params: FlowIdParams; Querystring: BatchListQuery }>(
    '/api/flows/:id/batches',
    {
      schema: {
        tags: ['batches'],
        summary: "A flow's batches, newest first",
        params: FlowIdParams,
        querystring: BatchListQuery,
        response: { 200: BatchList, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      if (!(await app.store.flows.get(request.params.id))) {
        throw new NotFoundProblem('flow_not_found', `no flow ${request.params.id}`);
      }
      const items = await app.store.batches.listByFlow(request.params.id, request.query.limit);
      return { items: items.map(batchView) };
    },
  );

  app.get<{ Params: BatchParams }>(
    '/api/batches/:batchId',
    {
      schema: {
        tags: ['batches'],
        summary: 'Progress and summary of a batch',
        params: BatchParams,
        response: { 200: BatchView, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const batch = await app.store.batches.get(request.params.batchId);
      if (!batch) throw new NotFoundProblem('batch_not_found', `no batch ${request.params.batchId}`);
      return batchView(batch);
    },
  );

  app.get<{ Params: BatchParams; Querystring: RejectsQuery }>(
    '/api/batches/:batchId/rejects',
    {
      schema: {
        tags: ['batches'],
        summary: 'The rows of a batch that did not make it, with their line and error (CSV or JSONL)',
        params: BatchParams,
        querystring: RejectsQuery,
        response: {
          200: RejectsFile,
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const batch = await app.store.batches.get(request.params.batchId);
      if (!batch) throw new NotFoundProblem('batch_not_found', `no batch ${request.params.batchId}`);
      const { format } = request.query;
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="${batch.id}-rejects.${format}"`)
        .send(Readable.from(rejectLines(app, batch.id, format)));
    },
  );
}
