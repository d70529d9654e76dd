import type { User } from '@baton/store';

interface Entry {
  user: User;
  expiresAt: number;
}

/**
 * Bearer-token lookups for webhooks, remembered briefly: a busy integration sends the same token
 * on every request, and each lookup is two queries that wait behind the group commit. Any
 * state-changing API request (a revoked token, a disabled user, a changed role) clears it, and a
 * generation counter keeps a lookup that raced with such a change from storing its stale
 * answer. The short lifetime bounds staleness for changes made by another process.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(tokenHash: string): User | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.user;
  }

  /** The generation to pass back to `set`, taken before the lookup starts. */
  mark(): number {
    return this.generation;
  }

  set(tokenHash: string, user: User, generation: number): void {
    if (generation !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(tokenHash, { user, expiresAt: this.now() + this.ttlMs });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
