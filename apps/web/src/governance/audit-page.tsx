import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { auditCsvUrl, governanceApi, type AuditEntry, type AuditFilter } from '../api/governance-api';
import { formatDateTime } from '../ui/format-time';
import { EmptyState, ErrorState, InlineError, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import './governance.css';

const FILTER_KEYS = ['actor', 'action', 'targetKind', 'targetId'] as const;

function VerifyBadge() {
  const state = useAsync(() => governanceApi.verifyAudit(), []);
  if (state.status === 'error') return <InlineError error={state.error} />;
  if (!state.data) return <Skeleton width={180} />;
  const v = state.data;
  return v.ok ? (
    <span className="verify-ok" role="status" aria-label="Audit chain verified">
      ✓ chain intact · {v.entries} entries
    </span>
  ) : (
    <span className="verify-broken" role="alert" aria-label="Audit chain broken">
      ✗ chain broken at entry {v.brokenAt}: {v.problem}
    </span>
  );
}

/** The audit log: who did what to which target, when and why, with the hash chain verified. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filter: AuditFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const state = useAsync(
    (signal) => governanceApi.audit(filter, signal),
    [...FILTER_KEYS.map((k) => filter[k])],
  );
  const [cursor, setCursor] = useState<number | null>(null);
  const nextCursor = cursor ?? state.data?.nextCursor ?? null;
  const entries = [...(state.data?.items ?? []), ...older];

  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setOlder([]);
    setCursor(null);
    setParams(next, { replace: true });
  };
  const loadMore = async () => {
    if (nextCursor === null) return;
    const page = await governanceApi.audit({ ...filter, cursor: nextCursor });
    setOlder((o) => [...o, ...page.items]);
    setCursor(page.nextCursor ?? -1);
  };

  return (
    <div className="gov-page">
      <div className="gov-page-head">
        <div>
          <h1>Audit log</h1>
          <p>
            Every state-changing action, append-only and hash-chained: an edited or deleted entry breaks the
            chain.
          </p>
        </div>
        <div className="gov-filters">
          <VerifyBadge />
          <a className="btn" href={auditCsvUrl(filter)} download>
            Export CSV
          </a>
        </div>
      </div>
      <form className="gov-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        {FILTER_KEYS.map((key) => (
          <label key={key} className="field">
            <span>
              {key === 'targetKind'
                ? 'Target kind'
                : key === 'targetId'
                  ? 'Target'
                  : key[0]!.toUpperCase() + key.slice(1)}
            </span>
            <input
              className="input"
              defaultValue={filter[key] ?? ''}
              onBlur={(e) => setFilter(key, e.target.value.trim())}
              onKeyDown={(e) => e.key === 'Enter' && setFilter(key, e.currentTarget.value.trim())}
            />
          </label>
        ))}
      </form>
      {state.status === 'error' && !state.data ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : null}
      {!state.data && state.status !== 'error' ? <Skeleton height={200} /> : null}
      {state.data && entries.length === 0 ? (
        <EmptyState icon="≡" title="No entries match these filters" />
      ) : null}
      {entries.length > 0 ? (
        <table className="gov-table" aria-label="Audit entries">
          <thead>
            <tr>
              <th>#</th>
              <th>When</th>
              <th>Who</th>
              <th>Action</th>
              <th>Target</th>
              <th>Reason</th>
              <th>Before → after</th>
              <th>Hash</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.targetKind} <strong>{e.targetId}</strong>
                </td>
                <td>{e.reason ?? ''}</td>
                <td className="hash-cell">
                  {e.beforeHash ? e.beforeHash.slice(0, 8) : '—'} →{' '}
                  {e.afterHash ? e.afterHash.slice(0, 8) : '—'}
                </td>
                <td className="hash-cell" title={`prev ${e.prevHash}\nhash ${e.hash}`}>
                  {e.hash.slice(0, 10)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {nextCursor !== null && nextCursor > 0 ? (
        <button type="button" className="btn" onClick={() => void loadMore()}>
          Load older entries
        </button>
      ) : null}
    </div>
  );
}
