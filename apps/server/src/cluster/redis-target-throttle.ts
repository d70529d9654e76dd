import type { Redis } from 'ioredis';
import type { RateLimit, TargetThrottle } from '../targets/target-throttle.js';

/**
 * One counter per connection and window, on Redis's clock (so workers with skewed clocks agree
 * on the window): answers the count after this write and the milliseconds until the next
 * window. The key outlives its window a little so a late INCR cannot restart it.
 */
const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local nowMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local windowMs = tonumber(ARGV[1])
local window = math.floor(nowMs / windowMs)
local key = KEYS[1] .. ':' .. window
local count = redis.call('INCR', key)
if count == 1 then redis.call('PEXPIRE', key, windowMs * 2) end
return {count, (window + 1) * windowMs - nowMs, window}`;

/**
 * Cluster mode: a connection's limit holds across every worker process. Writes take a slot in
 * the current fixed window (`<prefix>:target-rate:<connection>:<window>`); once the window is
 * full a write waits for the next one and tries again, so no write is dropped and no window
 * admits more than `max`.
 */
export class RedisTargetThrottle implements TargetThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Resolves with the window (Redis time / window length) the write was admitted in. */
  async acquire(connection: string, limit: RateLimit): Promise<number> {
    const key = `${this.prefix}:target-rate:${connection}`;
    for (;;) {
      const [count, untilNext, window] = (await this.redis.eval(
        ACQUIRE_SCRIPT,
        1,
        key,
        limit.perSeconds * 1000,
      )) as [number, number, number];
      if (count <= limit.max) return window;
      // A little spread so the waiters of a full window do not all hit Redis at the same instant.
      await this.sleep(untilNext + Math.floor(Math.random() * 20));
    }
  }
}
