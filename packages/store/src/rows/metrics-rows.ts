import { FACT_STATUSES, type FactDay, type FactStatus } from '../metrics.js';

/** One (day, status, demo) group of `run_fact_days`; PostgreSQL casts its SUMs to int so both read numbers. */
export interface FactDayRow {
  day: string;
  status: FactStatus;
  demo: number;
  count: number;
  reworked: number;
}

function emptyStatuses(): Record<FactStatus, number> {
  return Object.fromEntries(FACT_STATUSES.map((s) => [s, 0])) as Record<FactStatus, number>;
}

/** Folds the groups (ordered by day) into one FactDay a day. */
export function toFactDays(rows: readonly FactDayRow[]): FactDay[] {
  const days: FactDay[] = [];
  for (const row of rows) {
    let day = days.at(-1);
    if (day?.day !== row.day) {
      day = { day: row.day, count: 0, reworked: 0, byStatus: emptyStatuses(), demo: 0 };
      days.push(day);
    }
    day.count += row.count;
    day.reworked += row.reworked;
    day.byStatus[row.status] += row.count;
    if (row.demo === 1) day.demo += row.count;
  }
  return days;
}
