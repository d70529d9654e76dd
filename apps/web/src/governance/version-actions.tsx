import { useState } from 'react';
import { Link } from 'react-router';
import type { User } from '../api/auth-api';
import { governanceApi, type ReviewedVersion } from '../api/governance-api';
import { can } from '../auth/permissions';
import { InlineError } from '../ui/state-views';
import { GuardedButton } from './guarded-button';
import { ReasonDialog } from './reason-dialog';

/** Owners whose sign-off is still missing for this content. */
export function pendingOwners(v: ReviewedVersion): string[] {
  const signed = new Set(v.signOffs.filter((s) => s.contentHash === v.contentHash).map((s) => s.ownerId));
  return v.requiredSignOffs.filter((r) => !signed.has(r.ownerId)).map((r) => r.ownerId);
}

function approveBlocked(user: User, v: ReviewedVersion): string | null {
  const permission = can(user, 'version.approve');
  if (!permission.allowed) return permission.reason;
  if (v.author === user.username)
    return 'You submitted this version: another admin must approve it (four eyes).';
  const pending = pendingOwners(v);
  if (pending.length > 0) return `Waiting for sign-off from ${pending.join(', ')}.`;
  return null;
}

export interface VersionActionsProps {
  flowId: string;
  version: ReviewedVersion;
  user: User;
  /** The version live now, to offer a diff against it. */
  publishedVersion: number | null;
  onChanged: () => void;
  /** Hide the diff link (on the diff page itself). */
  hideDiff?: boolean;
}

/** The gate's buttons for one version, each enabled only for whom it is, with the reason otherwise. */
export function VersionActions({
  flowId,
  version: v,
  user,
  publishedVersion,
  onChanged,
  hideDiff,
}: VersionActionsProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [asking, setAsking] = useState<'reject' | 'rollback' | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const base =
    publishedVersion !== null && publishedVersion !== v.version
      ? publishedVersion
      : v.version > 1
        ? v.version - 1
        : null;
  const mine = user.ownerId ? v.requiredSignOffs.find((r) => r.ownerId === user.ownerId) : undefined;
  const signedByMe =
    mine && v.signOffs.some((s) => s.ownerId === mine.ownerId && s.contentHash === v.contentHash);

  return (
    <div className="version-actions">
      {!hideDiff && base !== null ? (
        <Link
          className="btn btn-sm"
          to={`/flows/${encodeURIComponent(flowId)}/versions/${base}/diff/${v.version}`}
        >
          Diff v{base} → v{v.version}
        </Link>
      ) : null}
      {v.state === 'in_review' && mine && !signedByMe ? (
        <GuardedButton
          blockedReason={null}
          busy={busy}
          className="btn btn-sm btn-primary"
          onClick={() => void run(() => governanceApi.signOff(flowId, v.version))}
        >
          Sign off {mine.fields.length} field{mine.fields.length === 1 ? '' : 's'}
        </GuardedButton>
      ) : null}
      {v.state === 'in_review' ? (
        <>
          <GuardedButton
            blockedReason={approveBlocked(user, v)}
            busy={busy}
            className="btn btn-sm btn-primary"
            onClick={() => void run(() => governanceApi.approve(flowId, v.version, v.contentHash))}
          >
            Approve
          </GuardedButton>
          <GuardedButton
            blockedReason={can(user, 'version.approve').reason}
            showReason={false}
            busy={busy}
            onClick={() => setAsking('reject')}
          >
            Reject…
          </GuardedButton>
        </>
      ) : null}
      {v.state === 'approved' ? (
        <GuardedButton
          blockedReason={can(user, 'version.publish').reason}
          busy={busy}
          className="btn btn-sm btn-primary"
          onClick={() => void run(() => governanceApi.publish(flowId, v.version))}
        >
          Publish v{v.version}
        </GuardedButton>
      ) : null}
      {v.state === 'superseded' ? (
        <GuardedButton
          blockedReason={can(user, 'version.rollback').reason}
          busy={busy}
          onClick={() => setAsking('rollback')}
        >
          Roll back to v{v.version}…
        </GuardedButton>
      ) : null}
      {error ? <InlineError error={error} /> : null}
      {asking === 'reject' ? (
        <ReasonDialog
          title={`Reject version ${v.version}`}
          description="The author sees this reason; the draft stays as it is."
          confirmLabel="Reject"
          danger
          onClose={() => setAsking(null)}
          onConfirm={async (reason) => {
            await governanceApi.reject(flowId, v.version, reason);
            onChanged();
          }}
        />
      ) : null}
      {asking === 'rollback' ? (
        <ReasonDialog
          title={`Roll back to version ${v.version}`}
          description={`Version ${v.version} goes live again at once; the current version is superseded. Runs in flight finish on the version they started on.`}
          confirmLabel={`Roll back to v${v.version}`}
          danger
          onClose={() => setAsking(null)}
          onConfirm={async (reason) => {
            await governanceApi.rollback(flowId, v.version, reason);
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}
