import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { EgressGuard } from '../targets/ssrf-guard.js';

const MAX_REDIRECTS = 5;
/** A schedule source answers a page of rows, not a data dump: bigger bodies are refused. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

function once(url: URL, guard: EgressGuard, timeoutMs: number): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An IP literal skips DNS, so the guarded lookup never sees it: judge it here.
  if (isIP(host) !== 0 && !guard.allows(host, host)) {
    return Promise.reject(new Error(`egress refused: ${host} is a private or reserved address`));
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'GET',
        lookup: guard.lookupFor(url.hostname),
        headers: { accept: 'application/json' },
        timeout: timeoutMs,
      },
      resolve,
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

async function readBody(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_SOURCE_BYTES) {
      response.destroy();
      throw new Error(`the source answered more than ${MAX_SOURCE_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * GETs `url` through the egress guard (checked after DNS and again on every redirect) and
 * answers its JSON body, which must be an array.
 */
export async function getJsonArray(text: string, guard: EgressGuard, timeoutMs = 30_000): Promise<unknown[]> {
  let target = guard.checkUrl(text);
  for (let hop = 0; ; hop++) {
    const response = await once(target, guard, timeoutMs);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (hop >= MAX_REDIRECTS) throw new Error(`too many redirects from ${text}`);
      target = guard.checkUrl(new URL(response.headers.location, target).toString());
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new Error(`HTTP ${status} from ${target.origin}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(response));
    } catch (error) {
      if (error instanceof SyntaxError) throw new Error('the source did not answer JSON');
      throw error;
    }
    if (!Array.isArray(body)) throw new Error('the source must answer a JSON array of records');
    return body as unknown[];
  }
}
