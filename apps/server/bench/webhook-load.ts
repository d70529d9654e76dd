import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  seconds: number;
  concurrency: number;
  /** First request number (order ids and keys follow from it). */
  first?: number;
  /** Share of requests re-sent with the same key and body after their first answer. */
  resendShare?: number;
  /** Share of requests sent twice at once with the same key. */
  concurrentTwinShare?: number;
}

export interface LoadResult {
  requests: number;
  elapsed: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Map<number, number>;
  /** Order ids whose request was acknowledged (200/202/409 of a twin), i.e. must be written once. */
  acknowledged: Set<string>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function orderBody(n: number): { id: string; body: string } {
  const id = `SO-${String(n % 100000).padStart(5, '0')}`;
  return {
    id,
    body: JSON.stringify({
      order_id: ` ${id}`,
      account_number: ' ac-123456 ',
      customer_tier: 'Gold ',
      order_date: '03/15/2026',
      total: '1,249.50',
      email: ' Ada@Example.COM',
      entered_at: '2026-03-15T09:30:00Z',
    }),
  };
}

/**
 * N concurrent clients posting orders for `seconds`, each with a unique Idempotency-Key, plus
 * the re-send mix of the reliability issue. Latency is per request, over real HTTP.
 */
export async function driveWebhook(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const acknowledged = new Set<string>();
  let next = options.first ?? 0;
  const deadline = performance.now() + options.seconds * 1000;
  const started = performance.now();

  const send = async (n: number): Promise<number> => {
    const { id, body } = orderBody(n);
    const t0 = performance.now();
    const res = await fetch(options.url, {
      method: 'POST',
      headers: { ...options.headers, 'content-type': 'application/json', 'idempotency-key': `bench-${n}` },
      body,
    });
    await res.arrayBuffer();
    latencies.push(performance.now() - t0);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status === 200 || res.status === 202) acknowledged.add(id);
    return res.status;
  };

  async function client(): Promise<void> {
    while (performance.now() < deadline) {
      const n = next++;
      const roll = Math.random();
      if (roll < (options.concurrentTwinShare ?? 0)) {
        await Promise.all([send(n), send(n)]);
      } else {
        await send(n);
        if (roll < (options.concurrentTwinShare ?? 0) + (options.resendShare ?? 0)) await send(n);
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    elapsed,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
    acknowledged,
  };
}
