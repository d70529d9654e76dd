import type { Store } from '@baton/store';
import { nearestRank, ratio, sortedCopy } from './percentiles.js';
import type { Figures } from './targets.js';

export interface BaselineView extends Figures {
  source: 'csv' | 'manual';
  recordCount: number;
  updatedAt: string;
  updatedBy: string | null;
}

/**
 * The flow's baseline figures. A CSV baseline is kept as records and its figures derived on
 * read, so SLA adherence follows the flow's current SLA target (null while none is set).
 */
export async function baselineFigures(
  store: Store,
  flowId: string,
  slaTargetMs: number | null,
): Promise<BaselineView | null> {
  const baseline = await store.baselines.get(flowId);
  if (!baseline) return null;
  const meta = {
    source: baseline.source,
    recordCount: baseline.recordCount,
    updatedAt: baseline.updatedAt,
    updatedBy: baseline.updatedBy,
  };
  if (baseline.source === 'manual') {
    return {
      ...meta,
      ttvP50Ms: baseline.ttvP50Ms,
      reworkRate: baseline.reworkRate,
      slaAdherence: baseline.slaAdherence,
    };
  }
  const records = await store.baselines.records(flowId);
  const ttvs = sortedCopy(records.map((r) => r.ttvMs));
  let within = 0;
  if (slaTargetMs !== null) for (const t of ttvs) if (t <= slaTargetMs) within++;
  return {
    ...meta,
    ttvP50Ms: nearestRank(ttvs, 50),
    reworkRate: ratio(records.filter((r) => r.reworked).length, records.length),
    slaAdherence: slaTargetMs === null ? null : ratio(within, ttvs.length),
  };
}
