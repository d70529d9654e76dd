/** Settings of schedule and batch triggers; see docs/architecture.md. */
export interface TriggersConfig {
  /** Largest batch upload in bytes (`BATON_BATCH_LIMIT`, 1GiB): files stream, so this may be far above the webhook's. */
  batchLimit: number;
  /** Rows of one batch in flight at once (`BATON_BATCH_CONCURRENCY`, 32). */
  batchConcurrency: number;
}

type Read = (name: string) => string | undefined;

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1000,
  kib: 1024,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
};

export function loadTriggersConfig(read: Read, problems: string[]): TriggersConfig {
  const limitText = read('BATON_BATCH_LIMIT') ?? '1GiB';
  const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(limitText);
  const unit = UNITS[match?.[2]?.toLowerCase() ?? 'x'];
  const batchLimit = match && unit !== undefined ? Number(match[1]) * unit : null;
  if (batchLimit === null || batchLimit < 1024) {
    problems.push(`BATON_BATCH_LIMIT must be a size of at least 1KiB (e.g. 1GiB), not "${limitText}"`);
  }
  const concurrencyText = read('BATON_BATCH_CONCURRENCY') ?? '32';
  const batchConcurrency = Number(concurrencyText);
  if (!/^\d+$/.test(concurrencyText) || batchConcurrency < 1 || batchConcurrency > 1000) {
    problems.push(`BATON_BATCH_CONCURRENCY must be between 1 and 1000, not "${concurrencyText}"`);
  }
  return { batchLimit: batchLimit ?? 0, batchConcurrency };
}
