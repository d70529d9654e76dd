import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { Clock, UpsertRequest, WriteTargets } from '@baton/nodes';
import { CircuitBreaker } from './circuit-breaker.js';
import { TargetError, withRetries, type RetryPolicy, type Sleep } from './retry-policy.js';
import type { EgressGuard } from './ssrf-guard.js';

export interface HttpTargetConfig {
  /** `{table}` in the URL is replaced by the write node's table. */
  url: string;
  method: 'POST' | 'PUT';
  timeoutMs: number;
  retry: RetryPolicy;
  breaker: { failureThreshold: number; resetAfterMs: number };
  /** Headers sent with every request; secret ones (Authorization) come decrypted from the connection. */
  headers: Record<string, string>;
}

export interface HttpTargetDeps {
  guard: EgressGuard;
  clock: Clock;
  sleep: Sleep;
  random?: () => number;
}

type Action = 'inserted' | 'updated' | 'skipped';
const MAX_REDIRECTS = 5;

function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * Writes a record by POST/PUT of the row as JSON to an endpoint, with the write's idempotency
 * key (`Idempotency-Key`, flow + record key) so a receiver that honours it applies a retried or
 * replayed record once. 5xx, 429, timeouts and resets are retried with back-off and jitter; a
 * 4xx is final. A circuit breaker per connection stops calls to an endpoint that keeps failing.
 * Redirects are followed by hand, at most five, each target checked by the egress guard.
 */
export class HttpTarget implements WriteTargets {
  readonly breaker: CircuitBreaker;

  constructor(
    private readonly name: string,
    private readonly config: HttpTargetConfig,
    private readonly deps: HttpTargetDeps,
  ) {
    this.breaker = new CircuitBreaker(`connection ${name}`, config.breaker, deps.clock);
  }

  async upsert(request: UpsertRequest): Promise<{ action: Action }> {
    const url = this.config.url.replaceAll('{table}', encodeURIComponent(request.target.table));
    const body = JSON.stringify(request.row);
    return withRetries(
      this.config.retry,
      () => this.breaker.call(() => this.send(url, body, request.idempotencyKey)),
      this.deps,
    );
  }

  async preview(): Promise<{ action: Action }> {
    // An endpoint cannot be asked "would you insert?" without side effects: a dry run says insert.
    return { action: 'inserted' };
  }

  private async send(url: string, body: string, idempotencyKey: string): Promise<{ action: Action }> {
    let target = this.deps.guard.checkUrl(url);
    for (let hop = 0; ; hop++) {
      const response = await this.once(target, body, idempotencyKey);
      const status = response.statusCode ?? 0;
      response.resume();
      if (status >= 300 && status < 400 && response.headers.location) {
        if (hop >= MAX_REDIRECTS) throw new TargetError(`too many redirects from ${url}`, false);
        target = this.deps.guard.checkUrl(new URL(response.headers.location, target).toString());
        continue;
      }
      if (status >= 200 && status < 300) return { action: status === 201 ? 'inserted' : 'updated' };
      if (status === 409) return { action: 'skipped' };
      const retryable = status >= 500 || status === 429 || status === 408;
      throw new TargetError(
        `HTTP ${status} from ${this.name}`,
        retryable,
        retryAfterMs(response.headers['retry-after']),
      );
    }
  }

  private once(url: URL, body: string, idempotencyKey: string): Promise<IncomingMessage> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // An IP literal is connected to without DNS, so the lookup hook never sees it: check it here.
    if (isIP(host) !== 0 && !this.deps.guard.allows(host, host)) {
      return Promise.reject(
        new TargetError(`egress refused: ${host} is a private or reserved address`, false),
      );
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(
        url,
        {
          method: this.config.method,
          lookup: this.deps.guard.lookupFor(url.hostname),
          headers: {
            ...this.config.headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'idempotency-key': idempotencyKey,
          },
          timeout: this.config.timeoutMs,
        },
        resolve,
      );
      req.on('timeout', () =>
        req.destroy(new TargetError(`timeout after ${this.config.timeoutMs} ms`, true)),
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error instanceof TargetError) return reject(error);
        if (error.code === 'EGRESS_REFUSED') return reject(new TargetError(error.message, false));
        reject(new TargetError(`${error.code ?? 'network error'}: ${error.message}`, true));
      });
      req.end(body);
    });
  }
}
