import type { VersionState } from '@baton/schema';

// Keyed by the server's version states: a new state is a compile error until it has a look.
const TONES: Record<VersionState, string> = {
  in_review: 'badge-info',
  approved: 'badge-accent',
  rejected: 'badge-danger',
  published: 'badge-success',
  superseded: '',
};

const LABELS: Record<VersionState, string> = {
  in_review: 'in review',
  approved: 'approved',
  rejected: 'rejected',
  published: 'live',
  superseded: 'superseded',
};

export function VersionStateBadge({ state }: { state: VersionState }) {
  return (
    <span className={`badge ${TONES[state] ?? ''}`} data-state={state}>
      {LABELS[state] ?? state}
    </span>
  );
}
