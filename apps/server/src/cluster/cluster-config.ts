/** Settings of cluster mode (PostgreSQL for state, BullMQ on Redis for the queue); see docs/architecture.md. */
export interface ClusterConfig {
  /** `BATON_DATABASE_URL` (`postgres://…`): Baton's own state in PostgreSQL instead of `baton.sqlite`. */
  databaseUrl: string | undefined;
  /** `BATON_DATABASE_SCHEMA` (`public`): the PostgreSQL schema Baton's tables live in. */
  databaseSchema: string | undefined;
  /** `BATON_REDIS_URL` (`redis://…`): runs are executed by `baton worker` processes through BullMQ. */
  redisUrl: string | undefined;
  /** `BATON_QUEUE_PREFIX` (`baton`): the prefix of every Redis key Baton's queues use. */
  queuePrefix: string;
  /** Runs one `baton worker` executes at once (`BATON_WORKER_CONCURRENCY`, 16). */
  workerConcurrency: number;
  /** Port of `baton worker`'s `/healthz` and `/readyz` (`BATON_WORKER_HEALTH_PORT`, 4311; 0 picks one). */
  workerHealthPort: number;
}

type Read = (name: string) => string | undefined;

export function loadClusterConfig(read: Read, problems: string[]): ClusterConfig {
  const databaseUrl = read('BATON_DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('BATON_DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const redisUrl = read('BATON_REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('BATON_REDIS_URL must be a redis:// or rediss:// URL');
  }
  // Workers on several machines must share the runs they execute: the queue needs a shared database.
  if (redisUrl !== undefined && databaseUrl === undefined) {
    problems.push('BATON_REDIS_URL needs BATON_DATABASE_URL (workers share their state through PostgreSQL)');
  }
  const schema = read('BATON_DATABASE_SCHEMA');
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    problems.push(`BATON_DATABASE_SCHEMA must be a plain identifier, not "${schema}"`);
  }
  const prefix = read('BATON_QUEUE_PREFIX') ?? 'baton';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) {
    problems.push(`BATON_QUEUE_PREFIX must be letters, digits, '_', '.', '-', not "${prefix}"`);
  }
  return {
    databaseUrl,
    databaseSchema: schema,
    redisUrl,
    queuePrefix: prefix,
    workerConcurrency: integer(read, 'BATON_WORKER_CONCURRENCY', 16, 1, problems),
    workerHealthPort: integer(read, 'BATON_WORKER_HEALTH_PORT', 4311, 0, problems),
  };
}

function integer(read: Read, name: string, fallback: number, min: number, problems: string[]): number {
  const text = read(name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > 65535) {
    problems.push(`${name} must be an integer from ${min} to 65535, not "${text}"`);
    return fallback;
  }
  return Number(text);
}
