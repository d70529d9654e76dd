import { Link } from 'react-router';
import { governanceApi, type ReviewedVersion } from '../api/governance-api';
import { useCurrentUser } from '../auth/session-store';
import { formatRelative, formatDateTime } from '../ui/format-time';
import { EmptyState, ErrorState, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { pendingOwners, VersionActions } from './version-actions';
import { VersionStateBadge } from './version-state-badge';
import './governance.css';

export interface VersionHistoryPanelProps {
  flowId: string;
  /** Called after a publish or rollback, so the editor can show the new live version. */
  onChanged: () => void;
}

function ReviewTrail({ v }: { v: ReviewedVersion }) {
  const pending = pendingOwners(v);
  return (
    <ul className="review-trail">
      <li>
        submitted by <strong>{v.author ?? 'system'}</strong>{' '}
        <span title={formatDateTime(v.createdAt)}>{formatRelative(v.createdAt)}</span>
      </li>
      {v.signOffs.map((s) => (
        <li key={s.ownerId}>
          signed off for <strong>{s.ownerId}</strong> by {s.by}
        </li>
      ))}
      {pending.length > 0 && v.state === 'in_review' ? (
        <li className="review-pending">waiting for sign-off: {pending.join(', ')}</li>
      ) : null}
      {v.approvedBy ? (
        <li>
          approved by <strong>{v.approvedBy}</strong>
        </li>
      ) : null}
      {v.rejectedBy ? (
        <li className="review-rejected">
          rejected by <strong>{v.rejectedBy}</strong>: {v.reviewNote}
        </li>
      ) : null}
      {v.publishedBy ? (
        <li>
          published by <strong>{v.publishedBy}</strong>
        </li>
      ) : null}
    </ul>
  );
}

/** Every version of the flow, newest first, with where it stands in the gate and what you may do. */
export function VersionHistoryPanel({ flowId, onChanged }: VersionHistoryPanelProps) {
  const user = useCurrentUser();
  const state = useAsync((signal) => governanceApi.versions(flowId, signal), [flowId]);
  if (state.status === 'error' && !state.data)
    return <ErrorState error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Skeleton height={80} />;
  const versions = state.data.items;
  if (versions.length === 0) {
    return (
      <EmptyState icon="⎇" title="No versions yet">
        Submit the draft for approval to create version 1.
      </EmptyState>
    );
  }
  const published = versions.find((v) => v.state === 'published')?.version ?? null;
  const changed = () => {
    state.reload();
    onChanged();
  };
  return (
    <ol className="version-history" aria-label="Version history">
      {versions.map((v) => (
        <li key={v.version} className={`version-item is-${v.state}`} aria-label={`Version ${v.version}`}>
          <div className="version-item-head">
            <strong>v{v.version}</strong>
            <VersionStateBadge state={v.state} />
            <code className="version-hash" title={v.contentHash}>
              {v.contentHash.slice(0, 8)}
            </code>
          </div>
          {v.changeNote ? <p className="version-reason">{v.changeNote.reason}</p> : null}
          <ReviewTrail v={v} />
          {v.publishedAt ? (
            // The pilot playbook keeps the runbook revision each version was published with.
            <Link
              className="btn btn-sm btn-ghost"
              to={`/flows/${encodeURIComponent(flowId)}/playbook?tab=runbook&version=${v.version}`}
            >
              Runbook as shipped
            </Link>
          ) : null}
          <VersionActions
            flowId={flowId}
            version={v}
            user={user}
            publishedVersion={published}
            onChanged={changed}
          />
        </li>
      ))}
    </ol>
  );
}
