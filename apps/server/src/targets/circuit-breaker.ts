import type { Clock } from '@baton/nodes';
import { TargetError } from './retry-policy.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long it stays open before one probe is let through. */
  resetAfterMs: number;
}

/**
 * One per target. Closed: calls pass, consecutive failures are counted. Open: calls fail at
 * once (a dead endpoint is not hammered, and runs fail fast into dead letters). After
 * `resetAfterMs` one probe passes (half-open): success closes it, failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private probing = false;
  /** Transitions, newest last; for status pages and tests. */
  readonly transitions: Array<{ state: BreakerState; at: string }> = [];

  constructor(
    private readonly name: string,
    private readonly options: BreakerOptions,
    private readonly clock: Clock,
  ) {}

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    return this.clock.now().getTime() - this.openedAt >= this.options.resetAfterMs ? 'half-open' : 'open';
  }

  async call<T>(fn: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.probing)) {
      throw new TargetError(`circuit open for ${this.name}: not calling it until a probe succeeds`, true);
    }
    this.probing = state === 'half-open';
    try {
      const result = await fn();
      this.succeeded();
      return result;
    } catch (error) {
      // Only failures of the target count; a 4xx is the request's fault, not the target's health.
      if (!(error instanceof TargetError) || error.retryable) this.failed();
      else this.succeeded();
      throw error;
    } finally {
      this.probing = false;
    }
  }

  private succeeded(): void {
    this.failures = 0;
    if (this.openedAt !== null) {
      this.openedAt = null;
      this.record('closed');
    }
  }

  private failed(): void {
    this.failures++;
    if (this.openedAt !== null || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.clock.now().getTime();
      this.record('open');
    }
  }

  private record(state: BreakerState): void {
    this.transitions.push({ state, at: this.clock.now().toISOString() });
    if (this.transitions.length > 100) this.transitions.shift();
  }
}
