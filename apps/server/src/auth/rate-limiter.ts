import type { Redis } from 'ioredis';
import { Problem } from '../problems.js';

/**
 * A fixed-window counter: `hit` counts one request and answers the seconds to wait when the
 * key is over its limit (0 otherwise); `reset` forgets a key (a successful login clears its
 * failures). Embedded mode counts in memory; cluster mode counts in Redis so every API node
 * shares one limit.
 */
export interface RateLimiter {
  hit(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

/** Builds the limiter for one purpose (`name` keeps purposes apart in a shared Redis). */
export type RateLimiterFactory = (name: string, limit: number, windowMs: number) => RateLimiter;

/**
 * Counters in memory: enough for one process. Keys are forgotten when their window ends, so
 * memory stays bounded by the traffic of one window.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(key: string): Promise<number> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return window.count > this.limit ? Math.ceil((window.start + this.windowMs - now) / 1000) : 0;
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}

/**
 * INCR + PEXPIRE in one script: the first hit of a window sets its expiry, so the key dies
 * with its window and no node has to sweep. The script answers the count and the remaining
 * milliseconds atomically, so two nodes never both see "first hit".
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

/** Counters in Redis under `<prefix>:ratelimit:<name>:<key>`, shared by every API node. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async hit(key: string): Promise<number> {
    const [count, ttl] = (await unavailableOnError(
      this.redis.eval(HIT_SCRIPT, 1, this.keyOf(key), this.windowMs),
    )) as [number, number];
    return count > this.limit ? Math.max(1, Math.ceil(ttl / 1000)) : 0;
  }

  async reset(key: string): Promise<void> {
    await unavailableOnError(this.redis.del(this.keyOf(key)));
  }

  private keyOf(key: string): string {
    return `${this.keyPrefix}:${key}`;
  }
}

/** Seconds a caller is asked to wait while the cluster's Redis is unreachable. */
const REDIS_RETRY_AFTER_S = 5;

/**
 * A limiter that cannot count cannot let the request through (the limit protects sign-in from
 * guessing) nor blame the caller: Redis being unreachable is a 503 with `Retry-After`, like any
 * other missing dependency, not a 500.
 */
async function unavailableOnError<T>(command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch (error) {
    throw new Problem(
      503,
      'dependency_unavailable',
      `the cluster's Redis is unreachable (${error instanceof Error ? error.message : String(error)}); retry later`,
      { retryAfter: REDIS_RETRY_AFTER_S },
    );
  }
}

/** The factory for the mode: Redis when `redis` is given, memory otherwise. */
export function rateLimiterFactory(redis: { client: Redis; prefix: string } | null): RateLimiterFactory {
  return (name, limit, windowMs) =>
    redis
      ? new RedisRateLimiter(redis.client, `${redis.prefix}:ratelimit:${name}`, limit, windowMs)
      : new MemoryRateLimiter(limit, windowMs);
}
