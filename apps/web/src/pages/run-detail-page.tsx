import { Link, useParams } from 'react-router';
import { runsApi } from '../api/runs-api';
import type { Run } from '../api/api-types';
import { isApiError } from '../api/api-error';
import { EmptyState, ErrorState, Skeleton } from '../ui/state-views';
import { StatusBadge } from '../ui/status-badge';
import { formatDateTime, formatDuration } from '../ui/format-time';
import { useAsync } from '../ui/use-async';
import { StepCard } from '../trace/step-card';
import './run-detail-page.css';

export function RunDetailPage() {
  const { id = '' } = useParams();
  const run = useAsync((signal) => runsApi.get(id, signal), [id]);

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
              There is no run with id <code>{id}</code>. It may belong to another Baton instance, or the link is
              mistyped.
            </EmptyState>
          ) : (
            <ErrorState title="Could not load this run" error={run.error} onRetry={run.reload} />
          )}
        </div>
      </div>
    );
  }

  if (!run.data) {
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

  const r = run.data;
  return (
    <div className="page">
      {back}
      <header className="page-header">
        <div className="run-title">
          <h1>Run</h1>
          <StatusBadge status={r.status} />
        </div>
      </header>
      <dl className="card run-header" aria-label="Run summary">
        <Fact label="Flow">
          <Link to={`/flows/${encodeURIComponent(r.flowId)}`}>{r.flowId}</Link>
        </Fact>
        <Fact label="Version">{r.version !== null ? `v${r.version}` : '—'}</Fact>
        <Fact label="Record key">
          <span className="mono">{r.recordKey ?? '—'}</span>
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

      <RunOutcome run={r} />

      <h2 style={{ marginBottom: 12 }}>Steps</h2>
      {r.steps.length === 0 ? (
        <div className="card">
          <EmptyState icon="▸" title="No steps recorded">
            {r.status === 'queued' || r.status === 'running'
              ? 'This run has not finished yet; refresh in a moment.'
              : r.duplicateOf
                ? 'A duplicate returns the earlier run’s result and runs no steps itself.'
                : 'The run stopped before its first step.'}
          </EmptyState>
        </div>
      ) : (
        <div className="run-steps" aria-label="Steps">
          {r.steps.map((step) => (
            <StepCard key={step.seq} step={step} />
          ))}
        </div>
      )}
    </div>
  );
}

/** For a stopped run, says where and why up front: the failed checks or the error. */
function RunOutcome({ run }: { run: Run }) {
  const stop = run.steps.find((s) => s.status === 'rejected' || s.status === 'failed');
  const flagged = run.steps.flatMap((s) => s.checks.filter((c) => c.result === 'flag'));
  if (!stop && run.error) {
    return (
      <div className="run-outcome is-stopped" role="note" aria-label="Outcome">
        <strong>The run failed</strong>
        <ul>
          <li>{run.error}</li>
        </ul>
      </div>
    );
  }
  if (!stop && flagged.length === 0) return null;
  const failedChecks = stop?.checks.filter((c) => c.result === 'fail') ?? [];
  const reasons = stop ? (failedChecks.length ? failedChecks.map((c) => c.message ?? c.rule) : [stop.error ?? stop.status]) : flagged.map((c) => c.message ?? c.rule);
  return (
    <div className={`run-outcome ${stop ? 'is-stopped' : 'is-flagged'}`} role="note" aria-label="Outcome">
      <strong>{stop ? `Stopped at step ${stop.seq} (${stop.label})` : 'Written with flags'}</strong>
      <ul>
        {reasons.map((reason, i) => (
          <li key={i}>{reason}</li>
        ))}
      </ul>
    </div>
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
