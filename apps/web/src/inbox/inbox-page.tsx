import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/session-store';
import { EmptyState, ErrorState, Skeleton } from '../ui/state-views';
import { formatRelative } from '../ui/format-time';
import { useAsync } from '../ui/use-async';
import { inboxApi } from '../owners/owners-api';
import { useOwners } from '../owners/use-owners';
import './inbox.css';

/** An owner's inbox: records rejected at their hand-offs, and follow-ups for flagged records to close. */
export function InboxPage() {
  const user = useCurrentUser();
  const owners = useOwners();
  const [picked, setPicked] = useState<string>('');
  const [status, setStatus] = useState<'open' | 'closed' | ''>('open');
  const ownerId = user.role === 'owner' && user.ownerId ? user.ownerId : picked || user.ownerId || '';
  const items = useAsync(
    () => inboxApi.list({ ...(ownerId && { ownerId }), ...(status && { status }) }),
    [ownerId, status],
  );

  // Notifications arrive a moment after the run ends: refresh while the page is open.
  const { reload } = items;
  useEffect(() => {
    const timer = setInterval(reload, 5000);
    return () => clearInterval(timer);
  }, [reload]);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Inbox</h1>
          <p>Rejected records at the hand-offs you answer for, and follow-ups for flagged records.</p>
        </div>
        <div className="inbox-filters">
          {user.role === 'owner' && user.ownerId ? null : (
            <select
              className="select"
              aria-label="Owner"
              value={ownerId}
              onChange={(e) => setPicked(e.target.value)}
            >
              <option value="">All owners</option>
              {(owners ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
          <select
            className="select"
            aria-label="Status"
            value={status}
            onChange={(e) => setStatus(e.target.value as 'open' | 'closed' | '')}
          >
            <option value="open">Open</option>
            <option value="closed">Closed</option>
            <option value="">All</option>
          </select>
        </div>
      </header>
      {items.status === 'error' && !items.data ? (
        <div className="card">
          <ErrorState title="Could not load the inbox" error={items.error} onRetry={items.reload} />
        </div>
      ) : !items.data ? (
        <div className="card">
          <Skeleton height={100} />
        </div>
      ) : items.data.items.length === 0 ? (
        <div className="card">
          <EmptyState icon="✓" title="Nothing here">
            No {status || ''} items.
          </EmptyState>
        </div>
      ) : (
        <div className="card">
          <table className="table" aria-label="Inbox items">
            <thead>
              <tr>
                <th>What</th>
                <th>Owner</th>
                <th>Field · rule</th>
                <th>Message</th>
                <th>When</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.data.items.map((item) => (
                <tr key={item.id} aria-label={`Inbox item ${item.field ?? item.rule ?? item.id}`}>
                  <td>
                    <span className={`badge ${item.kind === 'follow_up' ? 'badge-warning' : 'badge-danger'}`}>
                      {item.kind === 'follow_up' ? 'follow-up' : item.kind}
                    </span>
                  </td>
                  <td className="mono">{item.ownerId}</td>
                  <td className="mono">
                    {item.field ?? '—'} · {item.rule ?? '—'}
                  </td>
                  <td>{item.message}</td>
                  <td>
                    <Link to={`/runs/${encodeURIComponent(item.runId)}`}>
                      {formatRelative(item.createdAt)}
                    </Link>
                  </td>
                  <td>
                    {item.status === 'open' ? (
                      <button
                        type="button"
                        className="btn btn-sm"
                        onClick={() => void inboxApi.close(item.id).then(items.reload)}
                      >
                        Close
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-sm btn-ghost"
                        onClick={() => void inboxApi.reopen(item.id).then(items.reload)}
                      >
                        Reopen
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
