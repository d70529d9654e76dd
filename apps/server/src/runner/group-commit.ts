import type { Repositories, Store } from '@baton/store';
import { Problem } from '../problems.js';

interface Pending {
  work: (tx: Repositories) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: units of work submitted while a transaction is being written wait for the next
 * one, which then carries all of them, so N concurrent requests cost one fsync instead of N.
 * Intakes and finished outcomes share it, so one commit carries both. Each submitter is answered
 * only after the transaction holding its work committed (an acknowledgement never runs ahead of
 * the disk).
 *
 * A unit that throws a `Problem` (a 409, a 404) fails alone: by contract such units throw
 * before writing anything. Any other error rolls back the whole group and fails all of it.
 */
export class GroupCommit {
  private pending: Pending[] = [];
  private flushing = false;
  private scheduled = false;

  constructor(
    private readonly store: Store,
    private readonly maxGroup = 512,
  ) {}

  submit<O>(work: (tx: Repositories) => Promise<O>): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.flushing || this.scheduled) return;
    this.scheduled = true;
    // setImmediate: let every request already parsed in this event-loop turn join the group.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    const group = this.pending.splice(0, this.maxGroup);
    const results: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.store.transaction(async (tx) => {
        for (const { work } of group) {
          try {
            results.push({ ok: true, value: await work(tx) });
          } catch (error) {
            if (!(error instanceof Problem)) throw error;
            results.push({ ok: false, error });
          }
        }
      });
      group.forEach((p, i) => {
        const result = results[i]!;
        if (result.ok) p.resolve(result.value);
        else p.reject(result.error);
      });
    } catch (error) {
      for (const p of group) p.reject(error);
    } finally {
      this.flushing = false;
      if (this.pending.length > 0) this.schedule();
    }
  }
}
