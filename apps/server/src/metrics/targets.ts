export type TargetState = 'met' | 'on-track' | 'not-met' | 'no-baseline';

/**
 * The 30-day pilot playbook's targets against the baseline: Time-to-Value down 30%, rework
 * halved, SLA adherence from about 70% up to 90%. "On track" means better than the baseline but
 * not at the target yet.
 */
export const PLAYBOOK_TARGETS = {
  /** Live p50 TTV at most this share of the baseline's. */
  ttvFactor: 0.7,
  /** Live rework rate at most this share of the baseline's. */
  reworkFactor: 0.5,
  /** Live SLA adherence at least this. */
  slaAdherence: 0.9,
} as const;

export interface Figures {
  ttvP50Ms: number | null;
  reworkRate: number | null;
  slaAdherence: number | null;
}

function lowerIsBetter(live: number | null, baseline: number | null, factor: number): TargetState {
  if (baseline === null) return 'no-baseline';
  if (live === null) return 'not-met';
  if (live <= baseline * factor) return 'met';
  return live < baseline ? 'on-track' : 'not-met';
}

export function targetStates(
  live: Figures,
  baseline: Figures | null,
): { ttv: TargetState; rework: TargetState; sla: TargetState } {
  const slaBaseline = baseline?.slaAdherence ?? null;
  let sla: TargetState;
  if (slaBaseline === null) sla = 'no-baseline';
  else if (live.slaAdherence === null) sla = 'not-met';
  else if (live.slaAdherence >= PLAYBOOK_TARGETS.slaAdherence) sla = 'met';
  else sla = live.slaAdherence > slaBaseline ? 'on-track' : 'not-met';
  return {
    ttv: lowerIsBetter(live.ttvP50Ms, baseline?.ttvP50Ms ?? null, PLAYBOOK_TARGETS.ttvFactor),
    rework: lowerIsBetter(live.reworkRate, baseline?.reworkRate ?? null, PLAYBOOK_TARGETS.reworkFactor),
    sla,
  };
}

/** Change from baseline to live in percent of the baseline; null when either is missing or the baseline is 0. */
export function changePercent(live: number | null, baseline: number | null): number | null {
  if (live === null || baseline === null || baseline === 0) return null;
  return ((live - baseline) / baseline) * 100;
}
