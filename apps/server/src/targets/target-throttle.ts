import type { UpsertRequest, WriteTargets } from '@baton/nodes';

/** A connection's write budget: at most `max` writes per `perSeconds`. */
export interface RateLimit {
  max: number;
  perSeconds: number;
}

/**
 * Admits writes to a rate-limited connection: `acquire` resolves when a write may go out.
 * Embedded mode uses `TokenBucketThrottle`; cluster mode a Redis-backed one shared by every
 * worker (cluster/redis-target-throttle.ts).
 */
export interface TargetThrottle {
  /** Some implementations answer where the write was admitted (the Redis one: its window). */
  acquire(connection: string, limit: RateLimit): Promise<number | void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One bucket per connection holding up to `max` tokens, refilled at `max / perSeconds` per
 * second. A write takes a token or waits for the next one, so a burst of `max` goes at once
 * and the rate after it is the limit. Waiters are served in arrival order.
 */
export class TokenBucketThrottle implements TargetThrottle {
  private readonly buckets = new Map<string, { tokens: number; at: number; tail: Promise<void> }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = sleepFor,
  ) {}

  acquire(connection: string, limit: RateLimit): Promise<void> {
    let bucket = this.buckets.get(connection);
    if (!bucket) {
      bucket = { tokens: limit.max, at: this.now(), tail: Promise.resolve() };
      this.buckets.set(connection, bucket);
    }
    const state = bucket;
    // Chained: each waiter starts counting once the one before it has its token.
    const turn = state.tail.then(async () => {
      const perMs = limit.max / (limit.perSeconds * 1000);
      for (;;) {
        const now = this.now();
        state.tokens = Math.min(limit.max, state.tokens + (now - state.at) * perMs);
        state.at = now;
        if (state.tokens >= 1) {
          state.tokens -= 1;
          return;
        }
        await this.sleep(Math.ceil((1 - state.tokens) / perMs));
      }
    });
    state.tail = turn;
    return turn;
  }
}

/** A connection's target whose writes wait for the throttle; previews write nothing, so they don't. */
export class RateLimitedTarget implements WriteTargets {
  constructor(
    private readonly inner: WriteTargets,
    private readonly connection: string,
    private readonly limit: RateLimit,
    private readonly throttle: TargetThrottle,
  ) {}

  async upsert(request: UpsertRequest) {
    await this.throttle.acquire(this.connection, this.limit);
    return this.inner.upsert(request);
  }

  preview(request: UpsertRequest) {
    return this.inner.preview(request);
  }
}
