import { useState } from 'react';
import type { Trace } from '@baton/schema';
import { StatusBadge } from '../../ui/status-badge';
import { formatDuration } from '../../ui/format-time';
import { StepBody } from '../../trace/step-card';
import { kindColor } from '../../trace/kind-look';

export interface TraceViewProps {
  trace: Trace;
  onSelectNode?: (nodeId: string) => void;
}

/** A compact trace: one row per step, expandable to its checks and input/output JSON. */
export function TraceView({ trace, onSelectNode }: TraceViewProps) {
  const [open, setOpen] = useState<number | null>(() => firstInteresting(trace));
  const total = trace.steps.reduce((sum, s) => sum + s.durationMs, 0);
  return (
    <div className="trace" aria-label="Trace">
      <div className="trace-summary">
        <StatusBadge status={trace.status} />
        <span className="muted">
          {trace.steps.length} step{trace.steps.length === 1 ? '' : 's'} · {formatDuration(total)}
        </span>
        {trace.recordKey ? <span className="mono faint">key {trace.recordKey}</span> : null}
      </div>
      <ol className="trace-steps">
        {trace.steps.map((step) => {
          const expanded = open === step.seq;
          return (
            <li key={step.seq} className={`trace-step ${expanded ? 'is-open' : ''}`}>
              <button
                type="button"
                className="trace-step-row"
                aria-expanded={expanded}
                aria-label={`Step ${step.seq} ${step.kind} ${step.label} ${step.status}`}
                onClick={() => {
                  setOpen(expanded ? null : step.seq);
                  onSelectNode?.(step.nodeId);
                }}
              >
                <span className="trace-step-seq">{step.seq}</span>
                <StatusBadge status={step.status} />
                <span className="trace-step-kind" style={{ color: kindColor(step.kind) }}>
                  {step.kind}
                </span>
                <span className="trace-step-label">{step.label}</span>
                <span className="trace-step-duration">{formatDuration(step.durationMs)}</span>
              </button>
              {expanded ? <StepBody step={step} /> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** Open the step a person most likely wants: the first that did not pass cleanly, else none. */
function firstInteresting(trace: Trace): number | null {
  return trace.steps.find((s) => s.status !== 'ok')?.seq ?? null;
}
