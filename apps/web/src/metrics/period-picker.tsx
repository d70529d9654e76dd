import { isoDay } from './format-metrics';

export const PERIODS = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
] as const;

/** A period of whole days ending today (UTC), as the API's `from`/`to`. */
export function periodOf(days: number, now = new Date()): { from: string; to: string } {
  return { from: isoDay(now, days - 1), to: isoDay(now) };
}

export function PeriodPicker({ days, onChange }: { days: number; onChange: (days: number) => void }) {
  return (
    <select
      className="input input-sm"
      aria-label="Period"
      value={days}
      onChange={(e) => onChange(Number(e.target.value))}
    >
      {PERIODS.map((p) => (
        <option key={p.days} value={p.days}>
          {p.label}
        </option>
      ))}
    </select>
  );
}
