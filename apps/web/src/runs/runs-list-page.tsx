import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RunStatus } from '@baton/schema';
import type { RunFilter } from '../api/api-types';
import { RUN_STATUS_OPTIONS } from '../api/run-statuses';
import { runsApi } from '../api/runs-api';
import { flowsApi } from '../api/flows-api';
import { EmptyState, ErrorState, InlineError, Skeleton } from '../ui/state-views';
import { StatusBadge } from '../ui/status-badge';
import { formatDateTime, formatDuration, formatRelative } from '../ui/format-time';
import { useAsync } from '../ui/use-async';
import { BulkWhatIfPanel } from './bulk-what-if-panel';
import { StatusCounts } from './status-counts';
import { useRunEvents } from './use-run-events';
import './runs-list.css';

const PAGE_SIZE = 50;
const FILTER_KEYS = ['flowId', 'version', 'status', 'from', 'to', 'q'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** `datetime-local` values are local time without a zone; the API wants an instant. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);

export function RunsListPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const get = (key: FilterKey) => params.get(key) ?? '';
  const flowId = get('flowId');
  const status = get('status') as RunStatus | '';
  const versionText = get('version');
  const [searchText, setSearchText] = useState(get('q'));
  // Pages are a stack of cursors: Next pushes the page's nextCursor, Previous pops.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);

  const filter: Omit<RunFilter, 'limit' | 'cursor'> = {
    ...(flowId ? { flowId } : {}),
    ...(versionText && flowId ? { version: Number(versionText) } : {}),
    ...(status ? { status } : {}),
    ...(get('from') ? { from: toInstant(get('from')) } : {}),
    ...(get('to') ? { to: toInstant(get('to')) } : {}),
    ...(get('q') ? { q: get('q') } : {}),
  };
  const filterKey = JSON.stringify(filter);

  const flows = useAsync((signal) => flowsApi.list(signal), []);
  const flow = useAsync(
    (signal) => (flowId ? flowsApi.get(flowId, signal) : Promise.resolve(null)),
    [flowId],
  );
  const runs = useAsync(
    (signal) => runsApi.list({ ...filter, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }, signal),
    [filterKey, cursor ?? ''],
  );
  const counts = useAsync((signal) => runsApi.counts(filter, signal), [filterKey]);

  // New runs arrive by server-sent events: the counts always follow; the list only on the first
  // page (later pages would shift under the reader), which otherwise offers to jump back.
  const [missed, setMissed] = useState(0);
  const live = useRunEvents(flowId || undefined, () => {
    counts.reload();
    if (cursors.length === 0) runs.reload();
    else setMissed((n) => n + 1);
  });

  const setFilter = (key: FilterKey, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'flowId') next.delete('version');
    setCursors([]);
    setMissed(0);
    setParams(next, { replace: true });
  };
  const clearFilters = () => {
    setCursors([]);
    setSearchText('');
    setParams(new URLSearchParams(), { replace: true });
  };

  const items = runs.data?.items;
  const flowNames = new Map(flows.data?.items.map((f) => [f.id, f.name]));
  const filtered = FILTER_KEYS.some((k) => params.get(k));
  const pageNumber = cursors.length + 1;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Runs</h1>
          <p>Every record's journey through a published flow, newest first.</p>
        </div>
        <div className="runs-header-actions">
          <span className={`runs-live is-${live}`} aria-live="polite" data-live={live}>
            <span className="live-dot" aria-hidden="true" />
            {live === 'live' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Offline'}
          </span>
          <a className="btn" href={runsApi.csvUrl(filter)} download>
            Export CSV
          </a>
        </div>
      </header>

      <form
        className="runs-toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter('q', searchText.trim());
        }}
      >
        <label className="field runs-search">
          <span>Record or idempotency key</span>
          <input
            className="input mono"
            type="search"
            aria-label="Search by record key or idempotency key"
            placeholder="SO-10042…"
            value={searchText}
            onChange={(e) => {
              setSearchText(e.target.value);
              if (e.target.value === '') setFilter('q', '');
            }}
          />
        </label>
        <label className="field runs-flow">
          <span>Flow</span>
          <select
            className="select"
            aria-label="Filter by flow"
            value={flowId}
            onChange={(e) => setFilter('flowId', e.target.value)}
          >
            <option value="">All flows</option>
            {flows.data?.items.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field runs-narrow">
          <span>Version</span>
          <select
            className="select"
            aria-label="Filter by version"
            value={versionText}
            disabled={!flowId}
            onChange={(e) => setFilter('version', e.target.value)}
          >
            <option value="">Any</option>
            {flow.data?.versions.map((v) => (
              <option key={v.version} value={String(v.version)}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
        <label className="field runs-narrow">
          <span>Status</span>
          <select
            className="select"
            aria-label="Filter by status"
            value={status}
            onChange={(e) => setFilter('status', e.target.value)}
          >
            <option value="">Any status</option>
            {RUN_STATUS_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="field runs-time">
          <span>From</span>
          <input
            className="input"
            type="datetime-local"
            aria-label="Received from"
            value={get('from')}
            onChange={(e) => setFilter('from', e.target.value)}
          />
        </label>
        <label className="field runs-time">
          <span>To</span>
          <input
            className="input"
            type="datetime-local"
            aria-label="Received to"
            value={get('to')}
            onChange={(e) => setFilter('to', e.target.value)}
          />
        </label>
      </form>

      <StatusCounts counts={counts.data} active={status} onSelect={(s) => setFilter('status', s)} />

      {missed > 0 ? (
        <div className="runs-missed" role="status">
          {missed === 1 ? 'A run changed' : `${missed} updates`} since this page opened.{' '}
          <button
            type="button"
            className="btn"
            onClick={() => {
              setCursors([]);
              setMissed(0);
            }}
          >
            Back to the newest
          </button>
        </div>
      ) : null}
      {runs.status === 'error' && items ? <InlineError error={runs.error} /> : null}

      <div className="card">
        {runs.status === 'error' && !items ? (
          <ErrorState title="Could not load runs" error={runs.error} onRetry={runs.reload} />
        ) : !items ? (
          <table className="table" aria-busy="true" aria-label="Loading runs">
            <tbody className="skeleton-rows">
              {[0, 1, 2, 3].map((i) => (
                <tr key={i}>
                  <td>
                    <Skeleton width={80} />
                  </td>
                  <td>
                    <Skeleton width={160} />
                  </td>
                  <td>
                    <Skeleton width={120} />
                  </td>
                  <td>
                    <Skeleton width={90} />
                  </td>
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
                <button type="button" className="btn" onClick={clearFilters}>
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
              ? 'Try another flow, status, time range or key.'
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
                <tr
                  key={run.id}
                  className="clickable"
                  onClick={() => void navigate(`/runs/${encodeURIComponent(run.id)}`)}
                >
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td>
                    <Link
                      className="run-id"
                      to={`/runs/${encodeURIComponent(run.id)}`}
                      onClick={(e) => e.stopPropagation()}
                    >
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

      <nav className="runs-pager" aria-label="Pages">
        <button
          type="button"
          className="btn"
          disabled={cursors.length === 0}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          ← Newer
        </button>
        <span className="faint">Page {pageNumber}</span>
        <button
          type="button"
          className="btn"
          disabled={!runs.data?.nextCursor}
          onClick={() => {
            const next = runs.data?.nextCursor;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          Older →
        </button>
      </nav>

      {flowId ? <BulkWhatIfPanel key={flowId} flowId={flowId} /> : null}
    </div>
  );
}
