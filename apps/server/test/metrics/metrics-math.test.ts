import { describe, expect, it } from 'vitest';
import { mean, nearestRank, sortedCopy } from '../../src/metrics/percentiles.js';
import { countBelow, kthSmallest, meanOfRuns, percentileOfRuns } from '../../src/metrics/sorted-runs.js';
import { changePercent, targetStates } from '../../src/metrics/targets.js';
import { demoFacts } from '../../src/seed/demo-history.js';

describe('percentiles (nearest rank)', () => {
  it('answers observed values with known ranks', () => {
    const sorted = sortedCopy([40, 10, 30, 20]);
    expect(nearestRank(sorted, 50)).toBe(20);
    expect(nearestRank(sorted, 90)).toBe(40);
    expect(nearestRank(sorted, 100)).toBe(40);
    expect(nearestRank(sortedCopy([7]), 50)).toBe(7);
    expect(nearestRank(new Float64Array(), 50)).toBeNull();
    expect(nearestRank(sortedCopy(Array.from({ length: 100 }, (_, i) => i + 1)), 90)).toBe(90);
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });

  it('sorts numerically, not as text', () => {
    expect([...sortedCopy([100, 9, 20])]).toEqual([9, 20, 100]);
  });
});

describe('order statistics over sorted runs', () => {
  it('agrees with sorting everything, ties and empty runs included', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) % 50;
    for (let trial = 0; trial < 50; trial++) {
      const runs = Array.from({ length: 1 + (trial % 6) }, (_, i) =>
        sortedCopy(Array.from({ length: (trial + i) % 9 }, next)),
      );
      const all = sortedCopy(runs.flatMap((r) => [...r]));
      for (const p of [1, 50, 90, 100]) expect(percentileOfRuns(runs, p)).toBe(nearestRank(all, p));
      for (let k = 1; k <= all.length; k++) expect(kthSmallest(runs, k)).toBe(all[k - 1]);
      expect(kthSmallest(runs, all.length + 1)).toBeNull();
      const m = mean(all);
      if (m === null) expect(meanOfRuns(runs)).toBeNull();
      else expect(meanOfRuns(runs)).toBeCloseTo(m, 9);
    }
    expect(countBelow(sortedCopy([1, 2, 2, 3]), 2)).toBe(1);
    expect(countBelow(sortedCopy([1, 2, 2, 3]), 2, true)).toBe(3);
  });
});

describe('playbook targets', () => {
  const baseline = { ttvP50Ms: 100, reworkRate: 0.2, slaAdherence: 0.7 };
  it('is met at exactly the target, on track when better than the baseline, else not met', () => {
    expect(targetStates({ ttvP50Ms: 70, reworkRate: 0.1, slaAdherence: 0.9 }, baseline)).toEqual({
      ttv: 'met',
      rework: 'met',
      sla: 'met',
    });
    expect(targetStates({ ttvP50Ms: 71, reworkRate: 0.11, slaAdherence: 0.89 }, baseline)).toEqual({
      ttv: 'on-track',
      rework: 'on-track',
      sla: 'on-track',
    });
    expect(targetStates({ ttvP50Ms: 100, reworkRate: 0.2, slaAdherence: 0.7 }, baseline)).toEqual({
      ttv: 'not-met',
      rework: 'not-met',
      sla: 'not-met',
    });
  });

  it('says no-baseline without one, per figure', () => {
    expect(targetStates({ ttvP50Ms: 1, reworkRate: 0, slaAdherence: 1 }, null)).toEqual({
      ttv: 'no-baseline',
      rework: 'no-baseline',
      sla: 'no-baseline',
    });
    const partial = targetStates(
      { ttvP50Ms: 1, reworkRate: 0, slaAdherence: 1 },
      { ttvP50Ms: 10, reworkRate: null, slaAdherence: null },
    );
    expect(partial).toEqual({ ttv: 'met', rework: 'no-baseline', sla: 'no-baseline' });
  });

  it('reports change in percent of the baseline', () => {
    expect(changePercent(70, 100)).toBeCloseTo(-30);
    expect(changePercent(0.9, 0.7)).toBeCloseTo(28.571, 2);
    expect(changePercent(1, 0)).toBeNull();
    expect(changePercent(null, 1)).toBeNull();
  });
});

describe('demo history', () => {
  it('is deterministic, 30 days, labelled demo, improving over the month', () => {
    const now = new Date('2026-06-30T20:00:00Z');
    const a = demoFacts(now);
    expect(demoFacts(now)).toEqual(a);
    expect(a.every((f) => f.demo && f.flowId === 'order-to-fulfillment')).toBe(true);
    const days = new Set(a.map((f) => f.receivedAt.slice(0, 10)));
    expect(days.size).toBe(30);
    const firstWeek = a.filter((f) => f.receivedAt < '2026-06-08' && f.ttvMs !== null);
    const lastWeek = a.filter((f) => f.receivedAt >= '2026-06-24' && f.ttvMs !== null);
    const avg = (xs: typeof a) => xs.reduce((s, f) => s + f.ttvMs!, 0) / xs.length;
    expect(avg(lastWeek)).toBeLessThan(avg(firstWeek));
  });
});
