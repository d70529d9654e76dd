import { join } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import type { Clock, WriteTargets } from '@baton/nodes';
import type { ConnectionKind, ConnectionRecord, Store } from '@baton/store';
import {
  type ConnectionInput,
  type ConnectionSecret,
  type ConnectionView,
  HttpConnectionConfig,
  JsonlConnectionConfig,
  PostgresConnectionConfig,
  SqliteConnectionConfig,
} from '@baton/schema/api';
import { BadRequestProblem, NotFoundProblem, Problem } from '../problems.js';
import { HttpTarget } from '../targets/http-target.js';
import { openJsonlTarget } from '../targets/jsonl-target.js';
import { PostgresTarget } from '../targets/postgres-target.js';
import type { Sleep } from '../targets/retry-policy.js';
import { SqliteDownstream } from '../targets/sqlite-downstream.js';
import type { EgressGuard } from '../targets/ssrf-guard.js';
import {
  RateLimitedTarget,
  TokenBucketThrottle,
  type RateLimit,
  type TargetThrottle,
} from '../targets/target-throttle.js';
import type { SecretBox } from './secret-box.js';

const CONFIG_SCHEMAS: Record<ConnectionKind, TSchema> = {
  'sqlite-embedded': SqliteConnectionConfig,
  postgres: PostgresConnectionConfig,
  http: HttpConnectionConfig,
  'jsonl-file': JsonlConnectionConfig,
};

interface LiveTarget {
  target: WriteTargets;
  close(): Promise<void>;
  breakerState?: () => 'closed' | 'open' | 'half-open';
}

export interface ConnectionServiceDeps {
  store: Store;
  /** Null when no key is configured: connections without secrets still work. */
  secrets: SecretBox | null;
  dataDir: string;
  guard: EgressGuard;
  clock: Clock;
  sleep: Sleep;
  /** Admits writes to rate-limited connections; in-process token buckets when omitted. */
  throttle?: TargetThrottle;
}

/**
 * Named downstream connections: validates and stores them (secrets sealed), and keeps one live
 * target per connection (a pg pool, a circuit breaker) until the connection changes.
 */
export class ConnectionService {
  private readonly live = new Map<string, Promise<LiveTarget>>();
  private readonly breakers = new Map<string, () => 'closed' | 'open' | 'half-open'>();

  private readonly throttle: TargetThrottle;

  constructor(private readonly deps: ConnectionServiceDeps) {
    this.throttle = deps.throttle ?? new TokenBucketThrottle();
  }

  async list(): Promise<ConnectionView[]> {
    return (await this.deps.store.connections.list()).map((c) => this.view(c));
  }

  async get(name: string): Promise<ConnectionView> {
    return this.view(await this.record(name));
  }

  /** Creates or replaces a connection; answers it and whether it was created. */
  async put(
    name: string,
    input: ConnectionInput,
    mustBeNew: boolean,
  ): Promise<{ view: ConnectionView; created: boolean }> {
    const existing = await this.deps.store.connections.get(name);
    if (mustBeNew && existing)
      throw new Problem(409, 'connection_exists', `a connection named ${name} exists`);
    const config = this.checkConfig(input.kind, input.config);
    let secret = existing?.secret ?? null;
    if (input.secret === null) secret = null;
    else if (input.secret !== undefined) secret = this.seal(name, input.secret);
    const now = this.deps.clock.now().toISOString();
    const record: ConnectionRecord = {
      name,
      kind: input.kind,
      config,
      secret,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    const created = await this.deps.store.connections.put(record);
    await this.forget(name);
    return { view: this.view(record), created };
  }

  async delete(name: string): Promise<void> {
    if (!(await this.deps.store.connections.delete(name))) {
      throw new NotFoundProblem('connection_not_found', `no connection ${name}`);
    }
    await this.forget(name);
  }

  /** Tries the connection without writing: a query for PostgreSQL, a URL and egress check for HTTP. */
  async test(name: string): Promise<{ ok: boolean; message: string }> {
    const record = await this.record(name);
    try {
      const live = await this.targetFor(name);
      if (live.target instanceof PostgresTarget) return { ok: true, message: await live.target.ping() };
      if (record.kind === 'http') {
        this.deps.guard.checkUrl(String(record.config.url));
        return { ok: true, message: `URL accepted; circuit ${live.breakerState?.() ?? 'closed'}` };
      }
      if (record.kind === 'jsonl-file')
        return { ok: true, message: 'JSONL file and its key index are writable' };
      return { ok: true, message: 'embedded SQLite file is writable' };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * A connection's kind, config and opened secret, for readers other than write targets (a
   * schedule trigger querying a table). Stays in the server: never answer it over the API.
   */
  async resolve(
    name: string,
  ): Promise<{ kind: ConnectionKind; config: Record<string, unknown>; secret: ConnectionSecret }> {
    const record = await this.record(name);
    const secret: ConnectionSecret = record.secret ? this.unseal(name, record.secret) : {};
    return { kind: record.kind, config: record.config, secret };
  }

  /** The live target of a connection, created on first use. */
  async target(name: string): Promise<WriteTargets> {
    return (await this.targetFor(name)).target;
  }

  async close(): Promise<void> {
    const all = [...this.live.keys()];
    await Promise.all(all.map((name) => this.forget(name)));
  }

  private targetFor(name: string): Promise<LiveTarget> {
    let live = this.live.get(name);
    if (!live) {
      live = this.open(name);
      live.catch(() => this.live.delete(name));
      this.live.set(name, live);
    }
    return live;
  }

  private async open(name: string): Promise<LiveTarget> {
    const record = await this.deps.store.connections.get(name);
    if (!record) throw new Error(`unknown connection "${name}"`);
    const live = await this.openKind(name, record);
    const limit = record.config.rateLimit as RateLimit | undefined;
    return limit ? { ...live, target: new RateLimitedTarget(live.target, name, limit, this.throttle) } : live;
  }

  private async openKind(name: string, record: ConnectionRecord): Promise<LiveTarget> {
    const secret: ConnectionSecret = record.secret ? this.unseal(name, record.secret) : {};
    switch (record.kind) {
      case 'sqlite-embedded': {
        const target = new SqliteDownstream(join(this.deps.dataDir, String(record.config.file)), [name]);
        return { target, close: async () => target.close() };
      }
      case 'jsonl-file': {
        const target = openJsonlTarget(this.deps.dataDir, String(record.config.file));
        return { target, close: async () => target.close() };
      }
      case 'postgres': {
        const c = record.config as {
          host: string;
          port: number;
          database: string;
          user: string;
          schema: string;
          ssl: boolean;
        };
        const target = await PostgresTarget.open(
          { ...c, password: secret.password },
          undefined,
          this.deps.sleep,
        );
        return { target, close: () => target.close() };
      }
      case 'http': {
        const c = record.config as {
          url: string;
          method: 'POST' | 'PUT';
          timeoutMs: number;
          maxAttempts: number;
          baseDelayMs: number;
          maxDelayMs: number;
          breakerThreshold: number;
          breakerResetMs: number;
          headers: Record<string, string>;
        };
        const target = new HttpTarget(
          name,
          {
            url: c.url,
            method: c.method,
            timeoutMs: c.timeoutMs,
            retry: { maxAttempts: c.maxAttempts, baseDelayMs: c.baseDelayMs, maxDelayMs: c.maxDelayMs },
            breaker: { failureThreshold: c.breakerThreshold, resetAfterMs: c.breakerResetMs },
            headers: { ...c.headers, ...secret.headers },
          },
          { guard: this.deps.guard, clock: this.deps.clock, sleep: this.deps.sleep },
        );
        const breakerState = () => target.breaker.state;
        this.breakers.set(name, breakerState);
        return { target, close: async () => undefined, breakerState };
      }
    }
  }

  private async forget(name: string): Promise<void> {
    const live = this.live.get(name);
    this.live.delete(name);
    this.breakers.delete(name);
    if (live) await live.then((l) => l.close()).catch(() => undefined);
  }

  private async record(name: string): Promise<ConnectionRecord> {
    const record = await this.deps.store.connections.get(name);
    if (!record) throw new NotFoundProblem('connection_not_found', `no connection ${name}`);
    return record;
  }

  private checkConfig(kind: ConnectionKind, config: Record<string, unknown>): Record<string, unknown> {
    const schema = CONFIG_SCHEMAS[kind];
    const filled = Value.Default(schema, structuredClone(config)) as Record<string, unknown>;
    const errors = [...Value.Errors(schema, filled)].slice(0, 10);
    if (errors.length > 0) {
      throw new BadRequestProblem('invalid_connection', `invalid ${kind} connection config`, {
        errors: errors.map((e) => ({ in: 'body', path: `/config${e.path}`, message: e.message })),
      });
    }
    if (kind === 'http') {
      try {
        this.deps.guard.checkUrl(String(filled.url).replaceAll('{table}', 't'));
      } catch (error) {
        throw new BadRequestProblem('invalid_connection', (error as Error).message, {
          errors: [{ in: 'body', path: '/config/url', message: (error as Error).message }],
        });
      }
    }
    return filled;
  }

  private seal(name: string, secret: ConnectionSecret): string {
    if (!this.deps.secrets) {
      throw new Problem(
        409,
        'secret_key_missing',
        'no secret key is configured (BATON_SECRET_KEY or BATON_SECRET_KEY_FILE)',
      );
    }
    return this.deps.secrets.seal(JSON.stringify(secret), `connection:${name}`);
  }

  private unseal(name: string, sealed: string): ConnectionSecret {
    if (!this.deps.secrets) throw new Error('no secret key to decrypt the connection credentials');
    return JSON.parse(this.deps.secrets.open(sealed, `connection:${name}`)) as ConnectionSecret;
  }

  private view(record: ConnectionRecord): ConnectionView {
    const breaker = this.breakers.get(record.name)?.();
    return {
      name: record.name,
      kind: record.kind,
      config: record.config,
      hasSecret: record.secret !== null,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      ...(breaker !== undefined && { breaker }),
    };
  }
}
