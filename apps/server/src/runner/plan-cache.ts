import type { Plan } from '@baton/schema';
import type { Store } from '@baton/store';

/**
 * Published plans by flow and version. A version's definition is immutable, so an entry never
 * goes stale: each plan is read and parsed once, not per record. Versions are few, so the
 * map is not bounded.
 */
export class PlanCache {
  private readonly plans = new Map<string, Promise<Plan | null>>();

  constructor(private readonly store: Store) {}

  get(flowId: string, version: number): Promise<Plan | null> {
    const key = `${flowId}@${version}`;
    let plan = this.plans.get(key);
    if (!plan) {
      plan = this.store.versions.get(flowId, version).then((v) => v?.definition ?? null);
      // A miss (or an error) is not cached: the version may be created a moment later.
      plan.then(
        (p) => p === null && this.plans.delete(key),
        () => this.plans.delete(key),
      );
      this.plans.set(key, plan);
    }
    return plan;
  }
}
