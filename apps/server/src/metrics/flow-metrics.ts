import type { FactDay, FactQuery, FactStatus, IssueCount, Store } from '@baton/store';
import { baselineFigures, type BaselineView } from './baseline-figures.js';
import { mean, nearestRank, ratio } from './percentiles.js';
import { countBelow, meanOfRuns, percentileOfRuns } from './sorted-runs.js';
import { changePercent, targetStates, type TargetState } from './targets.js';

export type { TargetState } from './targets.js';

export interface FlowMetricsSummary {
  flowId: string;
  from: string;
  to: string;
  count: number;
  ttv: { p50Ms: number | null; p90Ms: number | null; meanMs: number | null };
  reworkRate: number | null;
  slaAdherence: number | null;
  slaTargetMs: number | null;
  baseline: { ttvP50Ms: number | null; reworkRate: number | null; slaAdherence: number | null } | null;
  targets: { ttv: TargetState; rework: TargetState; sla: TargetState };
}

export interface MetricsPeriod {
  flowId: string;
  from: string;
  to: string;
  version?: number | undefined;
}

export interface DayBucket {
  day: string;
  count: number;
  ttvP50Ms: number | null;
  ttvP90Ms: number | null;
  ttvMeanMs: number | null;
  reworkRate: number | null;
  slaAdherence: number | null;
  byStatus: Record<FactStatus, number>;
}

/** Everything one period of one flow reads from the store, read once. */
interface PeriodData {
  query: FactQuery;
  from: string;
  to: string;
  slaTargetMs: number | null;
  days: FactDay[];
  /** Each day's TTVs, ascending. */
  ttvs: Map<string, Float64Array>;
  baseline: BaselineView | null;
}

/** A period is whole UTC days: the days holding `from` and `to`. */
export function periodDays(period: { from: string; to: string }): { fromDay: string; toDay: string } {
  return {
    fromDay: new Date(period.from).toISOString().slice(0, 10),
    toDay: new Date(period.to).toISOString().slice(0, 10),
  };
}

async function readPeriod(store: Store, period: MetricsPeriod): Promise<PeriodData> {
  const { fromDay, toDay } = periodDays(period);
  const query: FactQuery = { flowId: period.flowId, fromDay, toDay, version: period.version };
  const settings = await store.metrics.settings(period.flowId);
  const slaTargetMs = settings?.slaTargetMs ?? null;
  const [days, ttvs, baseline] = await Promise.all([
    store.metrics.days(query),
    store.metrics.ttvs(query),
    baselineFigures(store, period.flowId, slaTargetMs),
  ]);
  return {
    query,
    from: `${fromDay}T00:00:00.000Z`,
    to: `${toDay}T23:59:59.999Z`,
    slaTargetMs,
    days,
    ttvs,
    baseline,
  };
}

function summaryOf(data: PeriodData): FlowMetricsSummary {
  const { days, baseline, slaTargetMs } = data;
  let count = 0;
  let reworked = 0;
  for (const d of days) {
    count += d.count;
    reworked += d.reworked;
  }
  const runs = [...data.ttvs.values()];
  let within = 0;
  let committed = 0;
  for (const run of runs) {
    committed += run.length;
    if (slaTargetMs !== null) within += countBelow(run, slaTargetMs, true);
  }
  const live = {
    ttvP50Ms: percentileOfRuns(runs, 50),
    reworkRate: ratio(reworked, count),
    slaAdherence: slaTargetMs === null ? null : ratio(within, committed),
  };
  const baselineFigures = baseline && {
    ttvP50Ms: baseline.ttvP50Ms,
    reworkRate: baseline.reworkRate,
    slaAdherence: baseline.slaAdherence,
  };
  return {
    flowId: data.query.flowId,
    from: data.from,
    to: data.to,
    count,
    ttv: { p50Ms: live.ttvP50Ms, p90Ms: percentileOfRuns(runs, 90), meanMs: meanOfRuns(runs) },
    reworkRate: live.reworkRate,
    slaAdherence: live.slaAdherence,
    slaTargetMs,
    baseline: baselineFigures,
    targets: targetStates(live, baselineFigures),
  };
}

/**
 * Time-to-Value, rework and SLA adherence of one flow over a period (whole UTC days; optionally
 * one version), beside its baseline and the playbook's targets. The playbook's weekly status
 * reads this.
 */
export async function summarizeFlowMetrics(
  store: Store,
  q: { flowId: string; from: string; to: string; version?: number },
): Promise<FlowMetricsSummary> {
  return summaryOf(await readPeriod(store, q));
}

function dayBuckets(data: PeriodData): DayBucket[] {
  const { days, ttvs, slaTargetMs } = data;
  return days.map((d) => {
    const values = ttvs.get(d.day) ?? new Float64Array();
    return {
      day: d.day,
      count: d.count,
      ttvP50Ms: nearestRank(values, 50),
      ttvP90Ms: nearestRank(values, 90),
      ttvMeanMs: mean(values),
      reworkRate: ratio(d.reworked, d.count),
      slaAdherence: slaTargetMs === null ? null : ratio(countBelow(values, slaTargetMs, true), values.length),
      byStatus: d.byStatus,
    };
  });
}

export interface FieldFailure {
  field: string;
  count: number;
  ownerId: string | null;
  ownerName: string | null;
}

export interface FlowMetricsReport {
  summary: FlowMetricsSummary;
  version: number | null;
  bucket: 'day';
  /** The period holds synthetic demo history (seeded for the example flow). */
  demo: boolean;
  /** Demo facts exist for this flow at all (so the UI can offer to clear them). */
  hasDemo: boolean;
  change: { ttvP50Pct: number | null; reworkPct: number | null; slaPct: number | null };
  baselineInfo: Omit<BaselineView, 'ttvP50Ms' | 'reworkRate' | 'slaAdherence'> | null;
  days: DayBucket[];
  byStatus: Record<FactStatus, number>;
  /** Records re-sent after a rejection of the same key. */
  resent: number;
  reworkByRule: Array<{ rule: string; count: number; rate: number | null }>;
  reworkByField: Array<{ field: string; count: number; rate: number | null }>;
  topFailingFields: FieldFailure[];
}

function groupCounts(issues: IssueCount[], key: (i: IssueCount) => string | null) {
  const counts = new Map<string, number>();
  for (const i of issues) {
    const k = key(i);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + i.count);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Field → owner id from the flow's contracts and rules (the version's when given, else the draft). */
async function fieldOwners(store: Store, flowId: string, version: number | undefined) {
  const source =
    version !== undefined
      ? (await store.versions.get(flowId, version))?.source
      : (await store.flows.getDraft(flowId))?.source;
  const owners = new Map<string, string>();
  for (const edge of source?.edges ?? []) {
    for (const f of edge.contract?.fields ?? [])
      if (f.owner && !owners.has(f.name)) owners.set(f.name, f.owner);
  }
  for (const node of source?.nodes ?? []) {
    if (node.kind !== 'validation') continue;
    const rules = (node.config as { rules?: Array<{ field?: string; owner?: string }> }).rules ?? [];
    for (const r of rules) if (r.field && r.owner && !owners.has(r.field)) owners.set(r.field, r.owner);
  }
  return owners;
}

/** The dashboard's data: the summary, daily buckets, rework by rule and field, volume per status. */
export async function flowMetricsReport(store: Store, period: MetricsPeriod): Promise<FlowMetricsReport> {
  const data = await readPeriod(store, period);
  const summary = summaryOf(data);
  const [issues, owners, directory, hasDemo] = await Promise.all([
    store.metrics.issues(data.query),
    fieldOwners(store, period.flowId, period.version),
    store.owners.list(),
    store.metrics.hasDemo(period.flowId),
  ]);
  const byStatus = { succeeded: 0, flagged: 0, rejected: 0, failed: 0 };
  let resentish = 0;
  let demo = 0;
  for (const d of data.days) {
    for (const s of Object.keys(byStatus) as FactStatus[]) byStatus[s] += d.byStatus[s];
    demo += d.demo;
  }
  const rework = summary.count;
  const byRule = groupCounts(issues, (i) => i.rule);
  const byField = groupCounts(issues, (i) => i.field);
  const failing = groupCounts(
    issues.filter((i) => i.result === 'fail' || i.result === 'flag'),
    (i) => i.field,
  );
  // Re-sends are the rework no rule explains: reworked records beyond the rejected and flagged.
  for (const d of data.days) resentish += d.reworked - d.byStatus.rejected - d.byStatus.flagged;
  const { ttvP50Ms, reworkRate, slaAdherence, ...baselineInfo } = data.baseline ?? {};
  return {
    summary,
    version: period.version ?? null,
    bucket: 'day',
    demo: demo > 0,
    hasDemo,
    change: {
      ttvP50Pct: changePercent(summary.ttv.p50Ms, ttvP50Ms ?? null),
      reworkPct: changePercent(summary.reworkRate, reworkRate ?? null),
      slaPct: changePercent(summary.slaAdherence, slaAdherence ?? null),
    },
    baselineInfo: data.baseline ? (baselineInfo as FlowMetricsReport['baselineInfo']) : null,
    days: dayBuckets(data),
    byStatus,
    resent: resentish,
    reworkByRule: byRule.map(([rule, count]) => ({ rule, count, rate: ratio(count, rework) })),
    reworkByField: byField.map(([field, count]) => ({ field, count, rate: ratio(count, rework) })),
    topFailingFields: failing.slice(0, 10).map(([field, count]) => {
      const ownerId = owners.get(field) ?? null;
      return {
        field,
        count,
        ownerId,
        ownerName: directory.find((o) => o.id === ownerId)?.name ?? null,
      };
    }),
  };
}
