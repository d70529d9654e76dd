import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RunStatus } from '@baton/schema';
import { RUN_STATUS_OPTIONS } from '../api/run-statuses';
import { runsApi } from '../api/runs-api';
import { flowsApi } from '../api/flows-api';
import { EmptyState, ErrorState, InlineError, Skeleton } from '../ui/state-views';
import { StatusBadge } from '../ui/status-badge';
import { formatDateTime, formatDuration, formatRelative } from '../ui/format-time';
import { useAsync } from '../ui/use-async';
import './runs-page.css';

const REFRESH_MS = 3000;

export function RunsPage() {
  const [params, setParams] = useSearchParams();
  const flowId = params.get('flowId') ?? '';
  const status = (params.get('status') ?? '') as RunStatus | '';
  const navigate = useNavigate();

  const flows = useAsync((signal) => flowsApi.list(signal), []);
  const runs = useAsync(
    (signal) => runsApi.list({ ...(flowId ? { flowId } : {}), ...(status ? { status } : {}), limit: 100 }, signal),
    [flowId, status],
  );

  // Operations keep this page open while records arrive: poll, keeping the table while reloading.
  const { reload } = runs;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const setFilter = (key: 'flowId' | 'status', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const items = runs.data?.items;
  const flowNames = new Map(flows.data?.items.map((f) => [f.id, f.name]));
  const filtered = Boolean(flowId || status);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Runs</h1>
          <p>Every record's journey through a published flow, newest first.</p>
        </div>
      </header>

      <div className="runs-toolbar">
        <label className="field">
          <span>Flow</span>
          <select className="select" aria-label="Filter by flow" value={flowId} onChange={(e) => setFilter('flowId', e.target.value)}>
            <option value="">All flows</option>
            {flows.data?.items.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Status</span>
          <select className="select" aria-label="Filter by status" value={status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">Any status</option>
            {RUN_STATUS_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <div className="runs-refresh" aria-live="polite">
          <span className="live-dot" aria-hidden="true" />
          Auto-refresh every {REFRESH_MS / 1000} s
        </div>
      </div>

      {runs.status === 'error' && items ? <InlineError error={runs.error} /> : null}

      <div className="card">
        {runs.status === 'error' && !items ? (
          <ErrorState title="Could not load runs" error={runs.error} onRetry={runs.reload} />
        ) : !items ? (
          <table className="table" aria-busy="true" aria-label="Loading runs">
            <tbody className="skeleton-rows">
              {[0, 1, 2, 3].map((i) => (
                <tr key={i}>
                  <td><Skeleton width={80} /></td>
                  <td><Skeleton width={160} /></td>
                  <td><Skeleton width={120} /></td>
                  <td><Skeleton width={90} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : items.length === 0 ? (
          <EmptyState
            icon="▸"
            title={filtered ? 'No runs match these filters' : 'No runs yet'}
            actions={
              filtered ? (
                <button type="button" className="btn" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                  Clear filters
                </button>
              ) : (
                <Link className="btn" to="/">
                  Go to flows
                </Link>
              )
            }
          >
            {filtered
              ? 'Try another flow or status.'
              : 'Runs appear here when a published flow receives a record on its webhook.'}
          </EmptyState>
        ) : (
          <table className="table" aria-label="Runs">
            <thead>
              <tr>
                <th>Status</th>
                <th>Run</th>
                <th>Flow</th>
                <th>Version</th>
                <th>Record key</th>
                <th>Received</th>
                <th>Duration</th>
              </tr>
            </thead>
            <tbody>
              {items.map((run) => (
                <tr key={run.id} className="clickable" onClick={() => void navigate(`/runs/${encodeURIComponent(run.id)}`)}>
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td>
                    <Link className="run-id" to={`/runs/${encodeURIComponent(run.id)}`} onClick={(e) => e.stopPropagation()}>
                      {run.id}
                    </Link>
                  </td>
                  <td>
                    {flowNames.get(run.flowId) ?? run.flowId}
                    <div className="faint mono run-flow-id">{run.flowId}</div>
                  </td>
                  <td>{run.version !== null ? `v${run.version}` : '—'}</td>
                  <td className="mono">{run.recordKey ?? '—'}</td>
                  <td title={formatDateTime(run.receivedAt)}>{formatRelative(run.receivedAt)}</td>
                  <td>{formatDuration(run.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {runs.data?.nextCursor ? <p className="faint runs-more">Showing the newest {items?.length} runs; filter by flow or status to narrow down.</p> : null}
    </div>
  );
}
