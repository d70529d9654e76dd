import type { Store } from '@baton/store';
import { summarizeFlowMetrics } from '../metrics/index.js';
import type { MetricsFigures, StatusInput } from './status-report.js';

const DAY_MS = 86_400_000;
// Far above any real week's counts; the report shows counts and only the first few anyway.
const SCAN_LIMIT = 10_000;

/**
 * The Monday-to-Monday (UTC) week containing `day` (YYYY-MM-DD); null when `day` is not a date.
 * Weeks start on Monday as in ISO 8601, the rhythm a weekly status meeting keeps.
 */
export function weekOf(day: string): { from: string; to: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return null;
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  const from = new Date(date.getTime() - sinceMonday * DAY_MS);
  return { from: from.toISOString(), to: new Date(from.getTime() + 7 * DAY_MS).toISOString() };
}

export type StatusData = StatusInput & { openRisks: number };

/** Reads everything the weekly status of one flow reports on. */
export async function gatherStatusData(
  store: Store,
  flow: { id: string; name: string },
  week: { from: string; to: string },
): Promise<StatusData> {
  const inWeek = (at: string | null) => at !== null && at >= week.from && at < week.to;
  const [versions, inbox, deadLetters, risks, backlog, summary] = await Promise.all([
    store.versions.list(flow.id),
    store.notifications.listItems({ status: 'open', kind: 'follow_up', limit: SCAN_LIMIT }),
    store.deadLetters.listOpen({ flowId: flow.id, limit: SCAN_LIMIT }),
    store.playbook.listRisks(flow.id),
    store.playbook.listBacklog(flow.id),
    // The metrics API takes an inclusive end: the week's last millisecond, as `to=<Sunday>` gives.
    summarizeFlowMetrics(store, {
      flowId: flow.id,
      from: week.from,
      to: new Date(Date.parse(week.to) - 1).toISOString(),
    }),
  ]);
  const shipped = versions
    .filter((v) => inWeek(v.publishedAt))
    .sort((a, b) => a.version - b.version)
    .map((v) => ({ version: v.version, publishedAt: v.publishedAt!, reason: v.changeNote.reason }));
  const pendingApprovals = versions
    .filter((v) => v.state === 'in_review' || v.state === 'approved')
    .sort((a, b) => a.version - b.version)
    .map((v) => ({ version: v.version, state: v.state }));
  const openRisks = risks.filter((r) => r.status === 'open');
  // Risks and backlog arrive ranked (likelihood × impact, frequency × impact): next steps follow
  // that order, after getting pending versions through review.
  const nextSteps = [
    ...pendingApprovals.map((p) => `Get version ${p.version} through review and published`),
    ...openRisks.map((r) =>
      r.mitigation ? `Mitigate "${r.risk}": ${r.mitigation}` : `Mitigate "${r.risk}"`,
    ),
    ...backlog.filter((b) => b.status === 'open' || b.status === 'planned').map((b) => b.title),
  ];
  return {
    flowName: flow.name,
    week,
    shipped,
    followUps: inbox.filter((i) => i.flowId === flow.id).map((i) => ({ field: i.field, message: i.message })),
    deadLetters: deadLetters.map((d) => ({ recordKey: d.recordKey, error: d.error })),
    pendingApprovals,
    metrics: toFigures(summary),
    nextSteps,
    openRisks: openRisks.length,
  };
}

function toFigures(summary: MetricsFigures): MetricsFigures {
  return {
    count: summary.count,
    ttv: { p50Ms: summary.ttv.p50Ms },
    reworkRate: summary.reworkRate,
    slaAdherence: summary.slaAdherence,
    baseline: summary.baseline
      ? {
          ttvP50Ms: summary.baseline.ttvP50Ms,
          reworkRate: summary.baseline.reworkRate,
          slaAdherence: summary.baseline.slaAdherence,
        }
      : null,
    targets: summary.targets,
  };
}
