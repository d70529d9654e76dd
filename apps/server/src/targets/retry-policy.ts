/** Waits; injected so tests run retries without real time passing. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Exponential back-off with full jitter (AWS architecture blog): a random delay in
 * [0, min(max, base·2^(attempt-1))], so clients that failed together do not retry together.
 * `random` is injectable for deterministic tests.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** A failure a retry may fix (5xx, 429, timeout, reset) versus one it will not (4xx, bad config). */
export class TargetError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** A `Retry-After` the target asked for, in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TargetError';
  }
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the attempts run out. The error thrown
 * at the end lists every attempt's reason, which ends up in the run's step and dead letter.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  deps: { sleep: Sleep; random?: () => number },
): Promise<T> {
  const reasons: string[] = [];
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      const retryable = error instanceof TargetError ? error.retryable : false;
      reasons.push(error instanceof Error ? error.message : String(error));
      if (!retryable || n >= policy.maxAttempts) {
        const history = reasons.length > 1 ? ` (after ${n} attempts: ${reasons.join('; ')})` : '';
        throw new TargetError(`${reasons.at(-1)}${history}`, false);
      }
      const hinted = error instanceof TargetError ? error.retryAfterMs : undefined;
      await deps.sleep(Math.min(policy.maxDelayMs, hinted ?? backoffDelay(n, policy, deps.random)));
    }
  }
}
