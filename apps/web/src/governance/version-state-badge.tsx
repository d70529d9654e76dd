const TONES: Record<string, string> = {
  in_review: 'badge-info',
  approved: 'badge-accent',
  rejected: 'badge-danger',
  published: 'badge-success',
  superseded: '',
};

const LABELS: Record<string, string> = {
  in_review: 'in review',
  approved: 'approved',
  rejected: 'rejected',
  published: 'live',
  superseded: 'superseded',
};

export function VersionStateBadge({ state }: { state: string }) {
  return (
    <span className={`badge ${TONES[state] ?? ''}`} data-state={state}>
      {LABELS[state] ?? state}
    </span>
  );
}
