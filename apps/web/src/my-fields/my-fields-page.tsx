import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/session-store';
import { ErrorState, EmptyState, Skeleton } from '../ui/state-views';
import { formatRelative } from '../ui/format-time';
import { useAsync } from '../ui/use-async';
import { ownersApi } from '../owners/owners-api';
import { useOwners } from '../owners/use-owners';
import { FieldRulesEditor } from './field-rules-editor';
import './my-fields.css';

/**
 * My fields: every contract field the owner owns across all flows, with its rules and recent
 * failures; the owner edits those rules in place (and only those, the server checks). A signed-in
 * field owner sees their own owner id; others pick whose fields to look at.
 */
export function MyFieldsPage() {
  const user = useCurrentUser();
  const owners = useOwners();
  const [picked, setPicked] = useState<string | null>(null);
  const ownerId =
    user.role === 'owner' && user.ownerId
      ? user.ownerId
      : (picked ?? user.ownerId ?? owners?.[0]?.id ?? null);
  const fields = useAsync(
    () => (ownerId ? ownersApi.fields(ownerId) : Promise.resolve({ items: [] })),
    [ownerId],
  );

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>My fields</h1>
          <p>
            The contract fields you own across all flows: their rules, and the records that recently broke
            them.
          </p>
        </div>
        {user.role === 'owner' && user.ownerId ? (
          <span className="badge badge-plain">owner {user.ownerId}</span>
        ) : (
          <select
            className="select"
            aria-label="Owner"
            value={ownerId ?? ''}
            onChange={(e) => setPicked(e.target.value)}
          >
            {(owners ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.id})
              </option>
            ))}
          </select>
        )}
      </header>
      {fields.status === 'error' && !fields.data ? (
        <div className="card">
          <ErrorState title="Could not load the fields" error={fields.error} onRetry={fields.reload} />
        </div>
      ) : !fields.data ? (
        <div className="card">
          <Skeleton height={100} />
        </div>
      ) : fields.data.items.length === 0 ? (
        <div className="card">
          <EmptyState icon="◇" title="No fields owned">
            No contract field names {ownerId ?? 'this owner'} as its owner yet.
          </EmptyState>
        </div>
      ) : (
        <div className="my-fields" role="list" aria-label="Owned fields">
          {fields.data.items.map((item) => (
            <article
              key={`${item.flowId}/${item.edgeId}/${item.field.name}`}
              className="card my-field"
              role="listitem"
              aria-label={`Field ${item.field.name} on ${item.edgeLabel}`}
            >
              <header className="my-field-head">
                <h2 className="mono">{item.field.name}</h2>
                <span className="badge badge-plain">{item.field.type}</span>
                {item.field.classification ? (
                  <span className="badge badge-plain">{item.field.classification}</span>
                ) : null}
                <span className="muted">
                  <Link to={`/flows/${encodeURIComponent(item.flowId)}`}>{item.flowName}</Link> ·{' '}
                  {item.edgeLabel}
                </span>
              </header>
              {ownerId ? <FieldRulesEditor ownerId={ownerId} item={item} onSaved={fields.reload} /> : null}
              <div className="my-field-failures">
                <h3>Recent failures</h3>
                {item.failures.length === 0 ? (
                  <p className="muted">None recorded.</p>
                ) : (
                  <ul>
                    {item.failures.map((f, i) => (
                      <li key={i}>
                        <span className={`badge ${f.kind === 'rejected' ? 'badge-danger' : 'badge-warning'}`}>
                          {f.kind === 'rejected' ? 'rejected' : 'flagged'}
                        </span>{' '}
                        {f.message}{' '}
                        <Link to={`/runs/${encodeURIComponent(f.runId)}`} className="faint">
                          {formatRelative(f.createdAt)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </article>
          ))}
        </div>
      )}
    </div>
  );
}
