import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** This machine's PostgreSQL and Redis (see TOOLCHAIN.md); every test gets its own schema and key prefix. */
export const DATABASE_URL =
  process.env['BATON_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env['BATON_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** A fixed key: every node of one cluster must seal and open inputs with the same one. */
export const SECRET_KEY = 'a1'.repeat(32);

export interface ClusterNames {
  schema: string;
  prefix: string;
}

export function clusterNames(): ClusterNames {
  const suffix = randomBytes(4).toString('hex');
  return { schema: `baton_c_${suffix}`, prefix: `baton-h2-${suffix}` };
}

/** Config overrides that put an app (or worker) of this cluster on the shared PostgreSQL and Redis. */
export function clusterOverrides(names: ClusterNames) {
  return {
    databaseUrl: DATABASE_URL,
    databaseSchema: names.schema,
    redisUrl: REDIS_URL,
    queuePrefix: names.prefix,
    secretKey: SECRET_KEY,
  };
}

/** The environment of a `baton` child process of this cluster. */
export function clusterEnv(names: ClusterNames): Record<string, string> {
  return {
    BATON_DATABASE_URL: DATABASE_URL,
    BATON_DATABASE_SCHEMA: names.schema,
    BATON_REDIS_URL: REDIS_URL,
    BATON_QUEUE_PREFIX: names.prefix,
    BATON_SECRET_KEY: SECRET_KEY,
  };
}

/** Drops the schema and deletes the Redis keys of a finished test. */
export async function dropCluster(names: ClusterNames): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${names.schema}" CASCADE`);
  } finally {
    await client.end();
  }
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${names.prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Polls `check` until it answers true (condition waits, not timed assertions). */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
