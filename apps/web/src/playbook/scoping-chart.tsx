import {
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Candidate, CandidateList } from './playbook-api';

const PILOT = '#4f46e5';
const OTHER = '#8b95a5';

/**
 * Frequency × impact, one dot per candidate; the upper-right quadrant (frequent and high impact,
 * the server's thresholds) is shaded and labelled as where a pilot pays off first.
 */
export function ScopingChart({ list }: { list: CandidateList }) {
  const { thresholds } = list;
  const maxFrequency = Math.max(0, ...list.items.map((c) => c.frequencyPerWeek));
  // Leave room right of the last dot and keep the threshold line well inside the plot.
  const xMax = Math.ceil(Math.max(thresholds.frequencyPerWeek * 2, maxFrequency * 1.15) / 5) * 5;
  const yThreshold = thresholds.impact - 0.5;
  return (
    <figure className="scoping-chart" aria-label="Scoping grid: frequency by impact">
      <ResponsiveContainer width="100%" height={340}>
        <ScatterChart margin={{ top: 36, right: 24, bottom: 28, left: 8 }}>
          <CartesianGrid stroke="#eef0f3" />
          <ReferenceArea
            x1={thresholds.frequencyPerWeek}
            x2={xMax}
            y1={yThreshold}
            y2={5.5}
            fill="#eef0ff"
            fillOpacity={0.9}
            stroke={PILOT}
            strokeOpacity={0.35}
            label={{
              value: 'Pilot here: frequent, high impact',
              position: 'top',
              fill: PILOT,
              fontSize: 12,
              fontWeight: 600,
            }}
          />
          <ReferenceLine x={thresholds.frequencyPerWeek} stroke="#cdd2da" strokeDasharray="4 4" />
          <ReferenceLine y={yThreshold} stroke="#cdd2da" strokeDasharray="4 4" />
          <XAxis
            type="number"
            dataKey="frequencyPerWeek"
            name="Frequency"
            domain={[0, xMax]}
            tick={{ fontSize: 12 }}
            label={{ value: 'Hand-offs per week', position: 'insideBottom', offset: -16, fontSize: 12 }}
          />
          <YAxis
            type="number"
            dataKey="impact"
            name="Impact"
            domain={[0.5, 5.5]}
            ticks={[1, 2, 3, 4, 5]}
            tick={{ fontSize: 12 }}
            width={56}
            label={{ value: 'Business impact', angle: -90, position: 'insideLeft', offset: 14, fontSize: 12 }}
          />
          <Tooltip
            cursor={{ strokeDasharray: '3 3' }}
            content={({ payload }) => {
              const c = payload?.[0]?.payload as Candidate | undefined;
              if (!c) return null;
              return (
                <div className="scoping-tooltip">
                  <strong>{c.name}</strong>
                  <span>
                    {c.systemFrom} → {c.systemTo}
                  </span>
                  <span>
                    {c.frequencyPerWeek}/week · impact {c.impact}
                  </span>
                </div>
              );
            }}
          />
          <Scatter data={list.items} isAnimationActive={false}>
            {list.items.map((c) => (
              <Cell key={c.id} fill={c.quadrant === 'pilot' ? PILOT : OTHER} />
            ))}
            <LabelList dataKey="name" position="top" fontSize={11} fill="#1c2230" />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
