/** Settings of the runner, the connections' secret key and the egress guard (see docs/architecture.md). */
export interface ReliabilityConfig {
  /** Runs executed at once (`BATON_WORKERS`, 64): slots mostly wait on commits and targets, so many keep groups large. */
  workers: number;
  /** Runs waiting or executing above which webhooks answer 503 (`BATON_MAX_QUEUE`, 2000). */
  maxQueueDepth: number;
  /** How long a worker holds an unfinished run before the reconciler hands it on (`BATON_LEASE_MS`, 60000). */
  leaseMs: number;
  /**
   * Cluster mode: how long a waited-for webhook waits for a worker's outcome before answering
   * 202 with the queued run (`BATON_SYNC_WAIT_MS`, 30000). The run is committed, so it finishes
   * when a worker takes it; the sender is not held while no worker is there.
   */
  syncWaitMs: number;
  /** Idempotency keys older than this start a new run (`BATON_IDEMPOTENCY_WINDOW`, hours, 24). */
  idempotencyWindowMs: number;
  /** `BATON_SECRET_KEY`: 32 bytes as hex or base64, for connection credentials. */
  secretKey: string | undefined;
  /** `BATON_SECRET_KEY_FILE` (`<data dir>/secret.key`, created when absent and nothing is encrypted yet). */
  secretKeyFile: string | undefined;
  /** `BATON_EGRESS_ALLOW`: comma-separated hosts, addresses or CIDRs HTTP targets may reach although private. */
  egressAllow: string[];
}

type Read = (name: string) => string | undefined;

function positiveInt(read: Read, name: string, fallback: number, problems: string[]): number {
  const text = read(name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    problems.push(`${name} must be a positive integer, not "${text}"`);
    return fallback;
  }
  return Number(text);
}

export function loadReliabilityConfig(read: Read, problems: string[]): ReliabilityConfig {
  return {
    workers: positiveInt(read, 'BATON_WORKERS', 64, problems),
    maxQueueDepth: positiveInt(read, 'BATON_MAX_QUEUE', 2000, problems),
    leaseMs: positiveInt(read, 'BATON_LEASE_MS', 60_000, problems),
    syncWaitMs: positiveInt(read, 'BATON_SYNC_WAIT_MS', 30_000, problems),
    idempotencyWindowMs: positiveInt(read, 'BATON_IDEMPOTENCY_WINDOW', 24, problems) * 3_600_000,
    secretKey: read('BATON_SECRET_KEY'),
    secretKeyFile: read('BATON_SECRET_KEY_FILE'),
    egressAllow: (read('BATON_EGRESS_ALLOW') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  };
}
