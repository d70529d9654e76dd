import type { TargetState } from './metrics-api';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Hand-off durations read in minutes, hours and days (not milliseconds). */
export function formatSpan(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < MIN) return `${Math.round(ms / 1000)} s`;
  if (ms < HOUR) return `${Math.round(ms / MIN)} min`;
  if (ms < DAY) return `${(ms / HOUR).toFixed(ms < 10 * HOUR ? 1 : 0)} h`;
  return `${(ms / DAY).toFixed(1)} d`;
}

export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(rate * 100).toFixed(rate < 0.1 ? 1 : 0)}%`;
}

/** "−32%" / "+5%" / "—": change against the baseline. */
export function formatChange(pct: number | null | undefined): string {
  if (pct === null || pct === undefined) return '—';
  const rounded = Math.round(pct);
  if (rounded === 0) return '±0%';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)}%`;
}

export const TARGET_LABELS: Record<TargetState, string> = {
  met: 'Target met',
  'on-track': 'On track',
  'not-met': 'Not met',
  'no-baseline': 'No baseline',
};

export const TARGET_BADGES: Record<TargetState, string> = {
  met: 'badge badge-success',
  'on-track': 'badge badge-info',
  'not-met': 'badge badge-danger',
  'no-baseline': 'badge',
};

/** `YYYY-MM-DD` of a date in UTC, `days` before `from`. */
export function isoDay(from: Date, days = 0): string {
  return new Date(from.getTime() - days * DAY).toISOString().slice(0, 10);
}

export function shortDay(day: string): string {
  const [, m, d] = day.split('-');
  return `${Number(d)}/${Number(m)}`;
}
