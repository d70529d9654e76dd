import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DayBucket, FactStatus, MetricsReport } from './metrics-api';
import { formatRate, formatSpan, shortDay } from './format-metrics';

const HOUR = 3_600_000;
const STATUS_COLORS: Record<FactStatus, string> = {
  succeeded: '#0f7a3a',
  flagged: '#c77700',
  rejected: '#d92d20',
  failed: '#475467',
};

/** TTV per day (p50 and p90, in hours) against the baseline's p50 and the SLA target. */
export function TtvChart({
  days,
  baselineMs,
  slaTargetMs,
}: {
  days: DayBucket[];
  baselineMs: number | null;
  slaTargetMs: number | null;
}) {
  const data = days.map((d) => ({
    day: shortDay(d.day),
    p50: d.ttvP50Ms === null ? null : d.ttvP50Ms / HOUR,
    p90: d.ttvP90Ms === null ? null : d.ttvP90Ms / HOUR,
  }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data} margin={{ top: 12, right: 24, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#e2e5ea" strokeDasharray="3 3" />
        <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis tick={{ fontSize: 11 }} unit=" h" width={52} />
        <Tooltip formatter={(v) => formatSpan(Number(v) * HOUR)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          type="monotone"
          dataKey="p50"
          name="TTV p50"
          stroke="#4f46e5"
          strokeWidth={2}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="p90"
          name="TTV p90"
          stroke="#a5b4fc"
          strokeWidth={1.5}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        {baselineMs !== null ? (
          <ReferenceLine
            y={baselineMs / HOUR}
            stroke="#5f6b7d"
            strokeDasharray="6 4"
            label={{
              value: `baseline ${formatSpan(baselineMs)}`,
              position: 'insideTopLeft',
              fontSize: 11,
              fill: '#5f6b7d',
            }}
          />
        ) : null}
        {slaTargetMs !== null ? (
          <ReferenceLine
            y={slaTargetMs / HOUR}
            stroke="#d92d20"
            strokeDasharray="2 3"
            label={{
              value: `SLA ${formatSpan(slaTargetMs)}`,
              position: 'insideBottomRight',
              fontSize: 11,
              fill: '#d92d20',
            }}
          />
        ) : null}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Horizontal bars of rework counts (by rule or by field), with the share of records. */
export function ReworkBars({
  items,
  label,
}: {
  items: Array<{ name: string; count: number; rate: number | null }>;
  label: string;
}) {
  if (items.length === 0)
    return <p className="metrics-none">No rejected or flagged records in this period.</p>;
  const data = items.slice(0, 8);
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, data.length * 34 + 30)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
        <CartesianGrid stroke="#e2e5ea" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tick={{ fontSize: 11 }} allowDecimals={false} />
        <YAxis type="category" dataKey="name" tick={{ fontSize: 11 }} width={180} />
        <Tooltip
          formatter={(v, _n, item) => [
            `${String(v)} (${formatRate((item.payload as { rate: number | null }).rate)})`,
            label,
          ]}
        />
        <Bar dataKey="count" name={label} fill="#c77700" radius={[0, 4, 4, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A half-circle gauge of SLA adherence with the 90% target marked in the caption. */
export function SlaGauge({ adherence, target }: { adherence: number | null; target: number }) {
  const value = adherence ?? 0;
  const color =
    adherence === null ? '#cdd2da' : value >= target ? '#0f7a3a' : value >= 0.7 ? '#c77700' : '#d92d20';
  const data = [
    { name: 'within', value },
    { name: 'outside', value: 1 - value },
  ];
  return (
    <div className="sla-gauge" role="img" aria-label={`SLA adherence ${formatRate(adherence)}`}>
      <ResponsiveContainer width="100%" height={124}>
        <PieChart>
          <Pie
            data={data}
            dataKey="value"
            startAngle={180}
            endAngle={0}
            cx="50%"
            cy="85%"
            innerRadius="110%"
            outerRadius="150%"
            stroke="none"
            isAnimationActive={false}
          >
            <Cell fill={color} />
            <Cell fill="#eef0f3" />
          </Pie>
        </PieChart>
      </ResponsiveContainer>
      <div className="sla-gauge-value">{formatRate(adherence)}</div>
    </div>
  );
}

/** Records per day, stacked by status. */
export function VolumeChart({ days }: { days: DayBucket[] }) {
  const data = days.map((d) => ({ day: shortDay(d.day), ...d.byStatus }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#e2e5ea" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis tick={{ fontSize: 11 }} allowDecimals={false} width={40} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {(Object.keys(STATUS_COLORS) as FactStatus[]).map((s) => (
          <Bar key={s} dataKey={s} stackId="status" fill={STATUS_COLORS[s]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export type ReportCharts = Pick<MetricsReport, 'days' | 'reworkByRule' | 'reworkByField'>;
