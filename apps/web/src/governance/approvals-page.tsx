import { Link } from 'react-router';
import { governanceApi, type ApprovalItem } from '../api/governance-api';
import { useCurrentUser } from '../auth/session-store';
import { formatDateTime, formatRelative } from '../ui/format-time';
import { EmptyState, ErrorState, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { whatIfHeadline } from '../runs/what-if-report-view';
import { VersionActions } from './version-actions';
import { VersionStateBadge } from './version-state-badge';
import './governance.css';

function ApprovalCard({ item, onChanged }: { item: ApprovalItem; onChanged: () => void }) {
  const user = useCurrentUser();
  return (
    <article className="gov-card approval-card" aria-label={`${item.flowName} version ${item.version}`}>
      <div>
        <h2>
          <Link to={`/flows/${encodeURIComponent(item.flowId)}`}>{item.flowName}</Link> v{item.version}
          <VersionStateBadge state={item.state} />
        </h2>
        <div className="approval-meta">
          submitted by <strong>{item.author ?? 'system'}</strong>{' '}
          <span title={formatDateTime(item.createdAt)}>{formatRelative(item.createdAt)}</span>
          {item.approvedBy ? (
            <>
              {' '}
              · approved by <strong>{item.approvedBy}</strong>
            </>
          ) : null}
        </div>
        <dl className="approval-note">
          <dt>Reason</dt>
          <dd>{item.changeNote.reason}</dd>
          <dt>Acceptance check</dt>
          <dd>{item.changeNote.acceptanceCheck}</dd>
          <dt>Risk</dt>
          <dd>{item.changeNote.risk}</dd>
          {item.changeNote.whatIf ? (
            <>
              <dt>What-if</dt>
              <dd>
                {whatIfHeadline(item.changeNote.whatIf)} ·{' '}
                <Link
                  to={`/flows/${encodeURIComponent(item.flowId)}/versions/${Math.max(1, item.version - 1)}/diff/${item.version}`}
                >
                  see the report
                </Link>
              </dd>
            </>
          ) : null}
          <dt>Field owners</dt>
          <dd className="chips">
            {item.requiredSignOffs.length === 0 ? (
              <span className="approval-meta">no contract field changed</span>
            ) : null}
            {item.requiredSignOffs.map((r) => {
              const pending = item.pendingSignOffs.some((p) => p.ownerId === r.ownerId);
              return (
                <span
                  key={r.ownerId}
                  className={`badge ${pending ? 'badge-warning' : 'badge-success'}`}
                  title={r.fields.join(', ')}
                >
                  {r.ownerId}: {pending ? 'pending' : 'signed off'} ({r.fields.length} field
                  {r.fields.length === 1 ? '' : 's'})
                </span>
              );
            })}
          </dd>
        </dl>
      </div>
      <VersionActions
        flowId={item.flowId}
        version={item}
        user={user}
        publishedVersion={null}
        onChanged={onChanged}
      />
    </article>
  );
}

/**
 * The gate's queue: versions in review (owners see what waits for their sign-off first, admins
 * what they can approve) and approved versions waiting to be published.
 */
export function ApprovalsPage() {
  const user = useCurrentUser();
  const state = useAsync((signal) => governanceApi.approvals(signal), []);
  const items = state.data?.items ?? [];
  const mine = items.filter((i) => i.awaitingMySignOff.length > 0);
  const rest = items.filter((i) => i.awaitingMySignOff.length === 0);
  return (
    <div className="gov-page">
      <div className="gov-page-head">
        <div>
          <h1>Approvals</h1>
          <p>
            A version goes live only after the owners of changed fields sign off and an admin who did not
            write it approves.
          </p>
        </div>
      </div>
      {state.status === 'error' && !state.data ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : null}
      {!state.data && state.status !== 'error' ? <Skeleton height={120} /> : null}
      {state.data && items.length === 0 ? (
        <EmptyState icon="✓" title="Nothing waits for review">
          Submitted versions appear here until they are approved and published, or rejected.
        </EmptyState>
      ) : null}
      {mine.length > 0 ? (
        <section
          aria-label="Waiting for your sign-off"
          style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
        >
          <h2>Waiting for your sign-off{user.ownerId ? ` (${user.ownerId})` : ''}</h2>
          {mine.map((item) => (
            <ApprovalCard key={`${item.flowId}@${item.version}`} item={item} onChanged={state.reload} />
          ))}
        </section>
      ) : null}
      {rest.length > 0 ? (
        <section aria-label="In review" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          {mine.length > 0 ? <h2>Other versions in review</h2> : null}
          {rest.map((item) => (
            <ApprovalCard key={`${item.flowId}@${item.version}`} item={item} onChanged={state.reload} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
