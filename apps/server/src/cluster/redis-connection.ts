import type { Redis } from 'ioredis';

// A top-level await, not a static import, so that an embedded Baton never loads ioredis: see run-queue.ts.
const ioredis = await import('ioredis');

/**
 * A connection for BullMQ: it must wait for Redis rather than fail a command while Redis
 * restarts (`maxRetriesPerRequest: null`), which BullMQ's workers require.
 */
export function queueConnection(url: string): Redis {
  return new ioredis.Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

/**
 * A connection for health and start-up checks: it fails fast (no offline queue, one retry)
 * instead of waiting, so `/readyz` answers "failing" while Redis is down.
 */
export function probeConnection(url: string): Redis {
  return new ioredis.Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 1000,
    // Keep trying in the background (so readiness recovers) but never faster than once a second.
    retryStrategy: (attempt) => Math.min(attempt * 200, 1000),
  });
}

/** Resolves when Redis answers PING within `timeoutMs`. */
export async function pingRedis(redis: Redis, timeoutMs = 1000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    if (redis.status === 'wait') void redis.connect().catch(() => undefined);
    // Without an offline queue a command fails while (re)connecting: wait for the connection.
    if (redis.status !== 'ready') {
      await Promise.race([new Promise((resolve) => redis.once('ready', resolve)), timeout]);
    }
    const answer = await Promise.race([redis.ping(), timeout]);
    if (answer !== 'PONG') throw new Error(`Redis answered PING with ${String(answer)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The two Redis settings BullMQ's docs require for a queue that loses nothing. */
export interface RedisDurability {
  maxmemoryPolicy: string | null;
  appendOnly: boolean | null;
}

/** Parses `INFO` text (`key:value` lines); INFO works where managed Redis disables CONFIG GET. */
export function parseRedisInfo(info: string): RedisDurability {
  const field = (name: string) => {
    const match = new RegExp(`^${name}:(.*)$`, 'm').exec(info);
    return match ? match[1]!.trim() : null;
  };
  const aof = field('aof_enabled');
  return { maxmemoryPolicy: field('maxmemory_policy'), appendOnly: aof === null ? null : aof === '1' };
}

/**
 * What is wrong with this Redis for a durable queue, one sentence each; empty when nothing.
 * `noeviction` keeps Redis from silently dropping queued jobs when memory runs out; AOF keeps
 * them across a Redis restart (without it, runs already committed to PostgreSQL are still safe:
 * the outbox relay enqueues them again, but their retry state is lost).
 */
export function durabilityWarnings(durability: RedisDurability): string[] {
  const warnings: string[] = [];
  if (durability.maxmemoryPolicy !== null && durability.maxmemoryPolicy !== 'noeviction') {
    warnings.push(
      `Redis maxmemory-policy is "${durability.maxmemoryPolicy}"; BullMQ needs "noeviction" or queued jobs may be evicted`,
    );
  }
  if (durability.appendOnly === false) {
    warnings.push(
      'Redis appendonly is off: queued jobs do not survive a Redis restart (Baton re-enqueues committed runs, but set appendonly yes)',
    );
  }
  return warnings;
}

/** Reads the settings from Redis and answers the warnings (or why they could not be read). */
export async function checkRedisDurability(redis: Redis, timeoutMs = 2000): Promise<string[]> {
  try {
    await pingRedis(redis, timeoutMs);
    const info = await redis.info();
    return durabilityWarnings(parseRedisInfo(info));
  } catch (error) {
    return [`Redis is not reachable (${(error as Error).message}); its durability settings were not checked`];
  }
}
