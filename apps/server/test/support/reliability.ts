import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { compile } from '@baton/compiler';
import type { FlowSource } from '@baton/schema';
import { exampleSource } from '../test-app.js';

/**
 * Creates and publishes a flow straight through the store (compile, version, publish), for
 * tests about running records rather than about the approval gate.
 */
export async function publishDirect(app: FastifyInstance, id: string, source: FlowSource): Promise<void> {
  const { definition, diagnostics } = compile(source);
  if (!definition) throw new Error(`flow ${id} does not compile: ${JSON.stringify(diagnostics)}`);
  const now = new Date().toISOString();
  await app.store.transaction(async (tx) => {
    await tx.flows.create({ id, name: id, description: '', draft: source, now });
    const version = await tx.versions.create({
      flowId: id,
      source,
      definition,
      changeNote: { reason: 'test', acceptanceCheck: 'test', risk: 'none' },
      now,
    });
    await tx.versions.publish(id, version.version, now);
  });
}

/** The example flow, writing to `table` through the named connection. */
export function exampleWritingVia(connection: string, table: string): FlowSource {
  const source = exampleSource();
  const write = source.nodes.find((n) => n.kind === 'write');
  if (!write) throw new Error('example flow has no write node');
  write.config = { ...write.config, connection, table };
  return source;
}

export const order = (id: string, extra: Record<string, unknown> = {}) => ({
  order_id: ` ${id}`,
  account_number: 'ac-123456',
  customer_tier: 'Gold',
  order_date: '03/15/2026',
  total: '1,249.50',
  ...extra,
});

export interface Endpoint {
  url: string;
  port: number;
  /** Every request received, with its parsed JSON body. */
  requests: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: unknown }>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 (or `host`) answering with `handle`. */
export async function startEndpoint(
  handle: (req: IncomingMessage, res: ServerResponse, body: unknown, n: number) => void,
  host = '127.0.0.1',
): Promise<Endpoint> {
  const requests: Endpoint['requests'] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // keep the text
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handle(req, res, body, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
