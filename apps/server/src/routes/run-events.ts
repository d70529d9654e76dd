import type { FastifyInstance } from 'fastify';
import { RunEventsQuery } from '@baton/schema/api';
import { RunFeed } from '../events/run-feed.js';

const HEARTBEAT_MS = 15_000;

export interface RunEventsOptions {
  /** Poll interval of the feed (tests shorten it). */
  intervalMs?: number;
}

/**
 * `GET /api/runs/events`: server-sent events, one `run` event (a RunSummary as JSON) per new
 * run or status change, optionally for one flow. A comment line every 15 s keeps proxies from
 * closing an idle stream; the browser's EventSource reconnects by itself.
 */
export async function runEventRoutes(app: FastifyInstance, options: RunEventsOptions = {}): Promise<void> {
  const feed = new RunFeed(
    app.store,
    options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {},
  );
  // Open streams, ended when the app closes (a hook cannot be added per request).
  const streams = new Set<() => void>();
  app.addHook('onClose', () => {
    for (const end of streams) end();
    feed.stop();
  });

  app.get<{ Querystring: RunEventsQuery }>(
    '/api/runs/events',
    {
      schema: {
        tags: ['runs'],
        summary: 'Server-sent events: `run` with a RunSummary for each new run or status change',
        querystring: RunEventsQuery,
        produces: ['text/event-stream'],
        response: { 200: { type: 'string', description: 'text/event-stream' } },
      },
    },
    (request, reply) => {
      const { flowId } = request.query;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 3000\n: connected\n\n');
      const unsubscribe = feed.subscribe((run) => {
        if (flowId !== undefined && run.flowId !== flowId) return;
        const { payloadHash: _hash, ...summary } = run;
        raw.write(`id: ${run.id}:${run.status}\nevent: run\ndata: ${JSON.stringify(summary)}\n\n`);
      });
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        raw.end();
      };
      streams.add(end);
      request.raw.on('close', end);
    },
  );
}
