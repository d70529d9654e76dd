import type { Store } from '@baton/store';
import { periodDays, summarizeFlowMetrics } from './flow-metrics.js';
import { changePercent } from './targets.js';

/** One row per flow: its three metrics over the period against its baseline. */
export async function portfolio(store: Store, period: { from: string; to: string }) {
  const [flows, totals] = await Promise.all([
    store.flows.list(),
    store.metrics.totals(periodDays(period).fromDay, periodDays(period).toDay),
  ]);
  const items = [];
  for (const flow of flows) {
    const s = await summarizeFlowMetrics(store, { flowId: flow.id, ...period });
    items.push({
      flowId: flow.id,
      name: flow.name,
      count: s.count,
      ttvP50Ms: s.ttv.p50Ms,
      reworkRate: s.reworkRate,
      slaAdherence: s.slaAdherence,
      slaTargetMs: s.slaTargetMs,
      baseline: s.baseline,
      change: {
        ttvP50Pct: changePercent(s.ttv.p50Ms, s.baseline?.ttvP50Ms ?? null),
        reworkPct: changePercent(s.reworkRate, s.baseline?.reworkRate ?? null),
        slaPct: changePercent(s.slaAdherence, s.baseline?.slaAdherence ?? null),
      },
      targets: s.targets,
      demo: (totals.find((t) => t.flowId === flow.id)?.demo ?? 0) > 0,
    });
  }
  const { fromDay, toDay } = periodDays(period);
  return { from: `${fromDay}T00:00:00.000Z`, to: `${toDay}T23:59:59.999Z`, items };
}
