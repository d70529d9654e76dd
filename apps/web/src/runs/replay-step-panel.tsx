import type { Step } from '@baton/schema';
import { ChecksTable } from '../trace/checks-table';
import { kindColor } from '../trace/kind-look';
import { formatDateTime, formatDuration } from '../ui/format-time';
import { StatusBadge } from '../ui/status-badge';
import { RecordDiffTable } from './record-diff-table';

/** Fields a check failed or flagged on in this step. */
export function failingFields(step: Step | undefined): Set<string> {
  return new Set(
    (step?.checks ?? []).filter((c) => c.result !== 'pass' && c.field).map((c) => c.field as string),
  );
}

/** The step shown in the replay: input and output side by side, checks, drops, timing, write. */
export function ReplayStepPanel({ step, total }: { step: Step; total: number }) {
  const failing = failingFields(step);
  return (
    <section className="card replay-step" aria-label={`Replay step ${step.seq}`}>
      <header className="replay-step-head">
        <span className="step-seq">{step.seq}</span>
        <div className="step-title">
          <strong>{step.label}</strong>
          <span className="kind-chip" style={{ ['--kind-color' as string]: kindColor(step.kind) }}>
            {step.kind}
            {step.port ? <span className="faint"> → {step.port}</span> : null}
          </span>
        </div>
        <span className="faint">
          Step {step.seq} of {total}
        </span>
        <StatusBadge status={step.status} />
      </header>

      <dl className="replay-facts" aria-label="Step facts">
        <div>
          <dt>Started</dt>
          <dd>{formatDateTime(step.startedAt)}</dd>
        </div>
        <div>
          <dt>Took</dt>
          <dd>{formatDuration(step.durationMs)}</dd>
        </div>
        {step.contract ? (
          <div>
            <dt>Dropped fields</dt>
            <dd className="mono" aria-label="Dropped fields">
              {step.contract.dropped.length ? step.contract.dropped.join(', ') : 'none'}
            </dd>
          </div>
        ) : null}
        {step.write ? (
          <>
            <div>
              <dt>Write</dt>
              <dd aria-label="Write action">
                <span className={`write-action is-${step.write.action}`}>{step.write.action}</span>
                {step.write.dryRun ? <span className="faint"> (dry run)</span> : null}
                <span className="faint"> into {step.write.target}</span>
              </dd>
            </div>
            <div>
              <dt>Write key</dt>
              <dd className="mono" aria-label="Write key">
                {Object.entries(step.write.key)
                  .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
                  .join(', ')}
              </dd>
            </div>
          </>
        ) : null}
      </dl>

      {step.error ? (
        <div className="run-outcome is-stopped" role="note">
          <strong>Error</strong>
          <ul>
            <li>{step.error}</li>
          </ul>
        </div>
      ) : null}

      <h3>Record</h3>
      <RecordDiffTable
        labels={['Input', 'Output']}
        before={step.input}
        after={step.output}
        failing={failing}
        ariaLabel="Input and output"
      />

      <h3>Checks</h3>
      <ChecksTable checks={step.checks} />
    </section>
  );
}
