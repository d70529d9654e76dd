import type { Redis } from 'ioredis';
import { BatchService, newBatchId } from '../triggers/batch-service.js';

/** How long a batch counts as live without a refresh: a crashed node's batches expire after this. */
const LIVE_TTL_MS = 30_000;
const REFRESH_EVERY_MS = 10_000;

/**
 * Which batches some API node is streaming right now, as Redis keys with a TTL that the
 * streaming node refreshes. At start-up a node interrupts only unfinished batches without a
 * live key: those of a crashed node (their key expired), never those another node is streaming.
 */
export class BatchLiveness {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs = LIVE_TTL_MS,
  ) {}

  /** Marks `id` live until the answered release is called (or this process dies). */
  async track(id: string): Promise<() => Promise<void>> {
    const key = this.keyOf(id);
    await this.redis.set(key, '1', 'PX', this.ttlMs);
    const refresh = setInterval(
      () => void this.redis.pexpire(key, this.ttlMs).catch(() => undefined),
      Math.min(REFRESH_EVERY_MS, this.ttlMs / 3),
    );
    refresh.unref();
    return async () => {
      clearInterval(refresh);
      await this.redis.del(key).catch(() => undefined);
    };
  }

  /** Ids of every batch some node is streaming. */
  async liveIds(): Promise<string[]> {
    const ids: string[] = [];
    const pattern = `${this.keyOf('')}*`;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      for (const key of keys) ids.push(key.slice(this.keyOf('').length));
      cursor = next;
    } while (cursor !== '0');
    return ids;
  }

  private keyOf(id: string): string {
    return `${this.prefix}:batch-live:${id}`;
  }
}

/** A batch service whose batches stay live (see `BatchLiveness`) while they stream. */
export class TrackedBatchService extends BatchService {
  private liveness: BatchLiveness | null = null;

  /** Set in cluster mode once Redis is known; embedded mode never tracks. */
  useLiveness(liveness: BatchLiveness): void {
    this.liveness = liveness;
  }

  override async run(input: Parameters<BatchService['run']>[0]): ReturnType<BatchService['run']> {
    if (!this.liveness) return super.run(input);
    const id = input.id ?? newBatchId();
    const release = await this.liveness.track(id);
    try {
      return await super.run({ ...input, id });
    } finally {
      await release();
    }
  }
}
