import { lazy, Suspense, useEffect, useEffectEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ReplayAgainst, Run } from '../api/api-types';
import { isApiError } from '../api/api-error';
import { flowsApi } from '../api/flows-api';
import { runsApi } from '../api/runs-api';
import { EmptyState, ErrorState, Skeleton } from '../ui/state-views';
import { StatusBadge } from '../ui/status-badge';
import { RetryRunButton } from '../connections/retry-run-button';
import { formatDateTime, formatDuration } from '../ui/format-time';
import { useAsync } from '../ui/use-async';
import { StepCard } from '../trace/step-card';
import { ReplayStepPanel } from './replay-step-panel';
import { ReplayTimeline } from './replay-timeline';
import { RunOutcome } from './run-outcome';
import { WhatIfPanel } from './what-if-panel';
import './run-detail.css';
import './replay.css';

// React Flow is a large chunk: the run's facts and steps show before the canvas arrives.
const ReplayCanvas = lazy(() => import('./replay-canvas').then((m) => ({ default: m.ReplayCanvas })));

/** `?step=n` is the step's seq (1-based); out of range or absent, the first step. */
function stepIndexOf(param: string | null, count: number): number {
  const seq = Number(param);
  return Number.isInteger(seq) && seq >= 1 && seq <= count ? seq - 1 : 0;
}

function againstOf(param: string | null): ReplayAgainst | null {
  if (param === 'draft') return 'draft';
  const n = Number(param);
  return param !== null && Number.isInteger(n) && n >= 1 ? n : null;
}

/**
 * A run replayed step by step on the canvas of the exact version it used, with its timeline,
 * the step's input/output diff and checks, and a what-if against another version or the draft.
 */
export function RunReplayPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const run = useAsync((signal) => runsApi.get(id, signal), [id]);
  const r = run.data;
  const version = useAsync(
    (signal) => (r ? runsApi.versionSource(r.flowId, r.version ?? 1, signal) : Promise.resolve(null)),
    [r?.flowId, r?.version],
  );
  const flow = useAsync(
    (signal) => (r ? flowsApi.get(r.flowId, signal) : Promise.resolve(null)),
    [r?.flowId],
  );

  const steps = r?.steps ?? [];
  const current = stepIndexOf(params.get('step'), steps.length);
  const go = (index: number) => {
    if (index < 0 || index >= steps.length) return;
    const next = new URLSearchParams(params);
    next.set('step', String(index + 1));
    setParams(next, { replace: true });
  };

  // ← and → step through the run, unless the user is typing in a field.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight') go(current + 1);
    else if (event.key === 'ArrowLeft') go(current - 1);
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const back = (
    <div className="breadcrumb">
      <Link to="/runs">Runs</Link> / <span className="mono">{id}</span>
    </div>
  );

  if (run.status === 'error') {
    const notFound = isApiError(run.error) && run.error.status === 404;
    return (
      <div className="page">
        {back}
        <div className="card">
          {notFound ? (
            <EmptyState
              icon="?"
              title="Run not found"
              actions={
                <Link className="btn" to="/runs">
                  Back to runs
                </Link>
              }
            >
              There is no run with id <code>{id}</code>. It may belong to another Baton instance, or the link
              is mistyped.
            </EmptyState>
          ) : (
            <ErrorState title="Could not load this run" error={run.error} onRetry={run.reload} />
          )}
        </div>
      </div>
    );
  }

  if (!r) {
    return (
      <div className="page" aria-busy="true" aria-label="Loading run">
        {back}
        <Skeleton width={280} height={26} />
        <div style={{ height: 16 }} />
        <Skeleton height={70} />
        <div style={{ height: 16 }} />
        <Skeleton height={180} />
      </div>
    );
  }

  const step = steps[current];
  return (
    <div className="page replay-page">
      {back}
      <header className="page-header">
        <div className="run-title">
          <h1>Run</h1>
          <StatusBadge status={r.status} />
        </div>
        <div className="replay-actions">
          {r.status === 'failed' ? <RetryRunButton runId={r.id} /> : null}
          <a className="btn" href={runsApi.exportUrl(r.id)} download>
            Export JSON
          </a>
        </div>
      </header>
      <RunFacts run={r} />
      <RunOutcome run={r} />

      {steps.length === 0 ? (
        <div className="card">
          <EmptyState icon="▸" title="No steps recorded">
            {r.purgedAt
              ? `Its input and steps were removed on ${formatDateTime(r.purgedAt)} under the retention policy; the run and its ledger entries remain.`
              : r.status === 'queued' || r.status === 'running'
                ? 'This run has not finished yet; refresh in a moment.'
                : r.duplicateOf
                  ? 'A duplicate returns the earlier run’s result and runs no steps itself.'
                  : 'The run stopped before its first step.'}
          </EmptyState>
        </div>
      ) : (
        <>
          <section className="replay" aria-label="Replay">
            <div className="replay-toolbar">
              <h2>Replay</h2>
              <span className="faint">v{r.version} as it ran · use ← → to step</span>
              <div className="replay-nav">
                <button
                  type="button"
                  className="btn"
                  onClick={() => go(current - 1)}
                  disabled={current === 0}
                >
                  ← Previous
                </button>
                <span className="replay-position" aria-live="polite">
                  Step {current + 1} of {steps.length}
                </span>
                <button
                  type="button"
                  className="btn"
                  onClick={() => go(current + 1)}
                  disabled={current === steps.length - 1}
                >
                  Next →
                </button>
              </div>
            </div>
            {version.data ? (
              <Suspense fallback={<Skeleton height={340} />}>
                <ReplayCanvas
                  source={version.data.source}
                  steps={steps}
                  current={current}
                  onSelectStep={go}
                />
              </Suspense>
            ) : version.status === 'error' ? (
              <ErrorState
                title="Could not load the version's canvas"
                error={version.error}
                onRetry={version.reload}
              />
            ) : (
              <Skeleton height={320} />
            )}
            <ReplayTimeline steps={steps} current={current} onSelect={go} />
            {step ? <ReplayStepPanel step={step} total={steps.length} /> : null}
          </section>

          <WhatIfPanel
            key={`${r.id}-${params.get('whatIf') ?? ''}`}
            runId={r.id}
            runVersion={r.version ?? 1}
            versions={flow.data?.versions ?? []}
            currentStep={step}
            initial={againstOf(params.get('whatIf'))}
          />

          <h2 style={{ margin: '24px 0 12px' }}>All steps</h2>
          <div className="run-steps" aria-label="Steps">
            {steps.map((s) => (
              <StepCard key={s.seq} step={s} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function RunFacts({ run: r }: { run: Run }) {
  return (
    <dl className="card run-header" aria-label="Run summary">
      <Fact label="Flow">
        <Link to={`/flows/${encodeURIComponent(r.flowId)}`}>{r.flowId}</Link>
      </Fact>
      <Fact label="Version">{r.version !== null ? `v${r.version}` : '—'}</Fact>
      <Fact label="Record key">
        <span className="mono">{r.recordKey ?? '—'}</span>
      </Fact>
      <Fact label="Idempotency key">
        <span className="mono replay-ikey" title={r.idempotencyKey ?? ''}>
          {r.idempotencyKey ?? '—'}
        </span>
      </Fact>
      <Fact label="Received">{formatDateTime(r.receivedAt)}</Fact>
      <Fact label="Finished">{formatDateTime(r.finishedAt)}</Fact>
      <Fact label="Duration">{formatDuration(r.durationMs)}</Fact>
      {r.duplicateOf ? (
        <Fact label="Duplicate of">
          <Link className="mono" to={`/runs/${encodeURIComponent(r.duplicateOf)}`}>
            {r.duplicateOf}
          </Link>
        </Fact>
      ) : null}
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="run-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
