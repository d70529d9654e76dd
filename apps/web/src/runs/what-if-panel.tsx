import { useEffect, useEffectEvent, useState } from 'react';
import type { Step } from '@baton/schema';
import type { ReplayAgainst, ReplayResult, StepDiff, VersionSummary } from '../api/api-types';
import { runsApi } from '../api/runs-api';
import { InlineError, Spinner } from '../ui/state-views';
import { StatusBadge } from '../ui/status-badge';
import { RecordDiffTable } from './record-diff-table';
import { failingFields } from './replay-step-panel';

export interface WhatIfPanelProps {
  runId: string;
  runVersion: number;
  versions: readonly VersionSummary[];
  /** The original step shown in the replay, compared with the what-if's step on the same node. */
  currentStep: Step | undefined;
  /** Opens with this target replayed (a link from a bulk what-if report). */
  initial: ReplayAgainst | null;
}

const parseAgainst = (value: string): ReplayAgainst => (value === 'draft' ? 'draft' : Number(value));

/**
 * "Replay against…": a dry run of this run's input against another version or the draft,
 * shown beside the original: the change of outcome, then per step what changed.
 */
export function WhatIfPanel({ runId, runVersion, versions, currentStep, initial }: WhatIfPanelProps) {
  const [against, setAgainst] = useState<string>(String(initial ?? 'draft'));
  const [state, setState] = useState<{ status: 'idle' | 'running' | 'error'; error?: unknown }>({
    status: initial === null ? 'idle' : 'running',
  });
  const [result, setResult] = useState<ReplayResult | null>(null);

  const request = (target: ReplayAgainst) => {
    runsApi.replay(runId, target).then(
      (r) => {
        setResult(r);
        setState({ status: 'idle' });
      },
      (error: unknown) => setState({ status: 'error', error }),
    );
  };
  const run = (target: ReplayAgainst) => {
    setState({ status: 'running' });
    request(target);
  };
  // A link from a bulk report opens with its what-if already replayed (once, on mount).
  const runInitial = useEffectEvent(() => {
    if (initial !== null) request(initial);
  });
  useEffect(() => runInitial(), []);

  const replayStep =
    result && currentStep ? result.replay.steps.find((s) => s.nodeId === currentStep.nodeId) : undefined;

  return (
    <section className="card what-if" aria-label="What-if">
      <header className="what-if-head">
        <h2>What if…</h2>
        <label className="field">
          <span>Replay against</span>
          <select
            className="select"
            aria-label="Replay against"
            value={against}
            onChange={(e) => setAgainst(e.target.value)}
          >
            <option value="draft">Current draft</option>
            {versions.map((v) => (
              <option key={v.version} value={String(v.version)}>
                v{v.version} ({v.state}){v.version === runVersion ? ' — the run’s own' : ''}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn-primary"
          disabled={state.status === 'running'}
          onClick={() => run(parseAgainst(against))}
        >
          {state.status === 'running' ? <Spinner label="Replaying" /> : null}
          Replay
        </button>
        <span className="faint">A dry run: nothing is written, nobody is notified.</span>
      </header>

      {state.status === 'error' ? <InlineError error={state.error} /> : null}

      {result ? (
        <>
          <div
            className={`what-if-outcome ${result.diff.outcome.changed ? 'is-changed' : ''}`}
            role="status"
            aria-label="What-if outcome"
          >
            <StatusBadge status={result.diff.outcome.before} />
            <span aria-hidden="true">→</span>
            <StatusBadge status={result.diff.outcome.after} />
            <span>
              {result.diff.identical
                ? `Identical trace against ${label(result.against)}.`
                : result.diff.outcome.changed
                  ? `The outcome changes against ${label(result.against)}.`
                  : `Same outcome against ${label(result.against)}; the trace differs.`}
            </span>
          </div>

          {currentStep ? (
            <div className="what-if-step" aria-label="Current step, original and what-if">
              <h3>
                Step {currentStep.seq}: {currentStep.label}{' '}
                {replayStep ? (
                  <>
                    <StatusBadge status={currentStep.status} /> → <StatusBadge status={replayStep.status} />
                  </>
                ) : (
                  <span className="faint">(not reached in the what-if)</span>
                )}
              </h3>
              <RecordDiffTable
                labels={['Original output', 'What-if output']}
                before={currentStep.output}
                after={replayStep?.output}
                failing={failingFields(replayStep)}
                ariaLabel="Original and what-if output"
              />
            </div>
          ) : null}

          <h3>Changes per step</h3>
          <ul className="what-if-steps" aria-label="Changes per step">
            {result.diff.steps.map((s) => (
              <StepDiffRow key={s.nodeId} diff={s} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const label = (against: ReplayAgainst) => (against === 'draft' ? 'the draft' : `v${against}`);

function StepDiffRow({ diff }: { diff: StepDiff }) {
  return (
    <li className={diff.changed ? 'is-changed' : ''} data-node-id={diff.nodeId}>
      <strong>{diff.label}</strong>{' '}
      <span className="faint">
        {diff.before ? diff.before.status : 'not reached'} → {diff.after ? diff.after.status : 'not reached'}
      </span>
      {!diff.changed ? <span className="faint"> · unchanged</span> : null}
      {diff.fields.length ? (
        <span className="mono">
          {' '}
          · fields: {diff.fields.map((f) => `${f.path || '(value)'} ${f.change}`).join(', ')}
        </span>
      ) : null}
      {diff.stoppedFailing.map((c) => (
        <span key={`s-${c.rule}-${c.field ?? ''}`} className="rdiff-chip rdiff-added">
          {c.rule} passes now
        </span>
      ))}
      {diff.startedFailing.map((c) => (
        <span key={`f-${c.rule}-${c.field ?? ''}`} className="rdiff-chip is-failing">
          {c.rule} {c.result === 'flag' ? 'flags' : 'fails'} now
        </span>
      ))}
      {diff.write ? (
        <span className="faint">
          {' '}
          · write {diff.write.before ?? 'none'} → {diff.write.after ?? 'none'}
        </span>
      ) : null}
    </li>
  );
}
