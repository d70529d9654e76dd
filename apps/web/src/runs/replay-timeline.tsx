import type { Step } from '@baton/schema';

export interface ReplayTimelineProps {
  steps: readonly Step[];
  current: number;
  onSelect: (index: number) => void;
}

/** One stop per step, in execution order; the record's path read left to right. */
export function ReplayTimeline({ steps, current, onSelect }: ReplayTimelineProps) {
  return (
    <ol className="replay-timeline" aria-label="Timeline">
      {steps.map((step, i) => (
        <li key={step.seq}>
          <button
            type="button"
            className={`timeline-stop step-${step.status} ${i === current ? 'is-current' : ''} ${i < current ? 'is-past' : ''}`}
            aria-current={i === current ? 'step' : undefined}
            aria-label={`Step ${step.seq}: ${step.label} (${step.status})`}
            onClick={() => onSelect(i)}
          >
            <span className="timeline-seq">{step.seq}</span>
            <span className="timeline-label">{step.label}</span>
            <span className="timeline-kind faint">{step.kind}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
