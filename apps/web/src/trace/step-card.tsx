import type { Step } from '@baton/schema';
import { StatusBadge } from '../ui/status-badge';
import { JsonBlock } from '../ui/json-block';
import { formatDuration } from '../ui/format-time';
import { ChecksTable } from './checks-table';
import { kindColor } from './kind-look';
import './trace.css';

/** One step of a run or test run: what came in, what went out, and what was checked. */
export function StepCard({ step }: { step: Step }) {
  return (
    <article className="card step-card" aria-label={`Step ${step.seq}: ${step.label}`}>
      <header className="step-card-head">
        <span className="step-seq">{step.seq}</span>
        <div className="step-title">
          <strong>{step.label}</strong>
          <span className="kind-chip" style={{ ['--kind-color' as string]: kindColor(step.kind) }}>
            {step.kind}
            {step.port ? <span className="faint"> → {step.port}</span> : null}
          </span>
        </div>
        <div className="step-meta">
          <span>{formatDuration(step.durationMs)}</span>
          <StatusBadge status={step.status} />
        </div>
      </header>
      <StepBody step={step} />
    </article>
  );
}

export function StepBody({ step }: { step: Step }) {
  return (
    <div className="step-body">
      {step.error ? <div className="step-error">{step.error}</div> : null}
      {step.write ? (
        <div className="step-effect">
          Write: <strong>{step.write.action}</strong> in <code>{step.write.target}</code>
          {step.write.dryRun ? ' (dry run, nothing written)' : ''}
        </div>
      ) : null}
      <ChecksTable checks={step.checks} />
      <div className="step-io">
        <JsonBlock title="Input" value={step.input} />
        <JsonBlock title="Output" value={step.output} />
      </div>
    </div>
  );
}
