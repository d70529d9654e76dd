import type { RunStatus } from '@baton/schema';
import type { RunCounts } from '../api/api-types';

const SHOWN: readonly RunStatus[] = [
  'succeeded',
  'flagged',
  'rejected',
  'failed',
  'duplicate',
  'queued',
  'running',
];

export interface StatusCountsProps {
  counts: RunCounts | undefined;
  active: RunStatus | '';
  onSelect: (status: RunStatus | '') => void;
}

/** Counts per status under the current filters; a count is also the quickest status filter. */
export function StatusCounts({ counts, active, onSelect }: StatusCountsProps) {
  return (
    <div className="status-counts" role="group" aria-label="Counts per status">
      <button
        type="button"
        className={`count-chip ${active === '' ? 'is-active' : ''}`}
        onClick={() => onSelect('')}
        aria-pressed={active === ''}
      >
        <span className="count-value">{counts?.total ?? '–'}</span>
        <span className="count-label">all</span>
      </button>
      {SHOWN.filter((s) => (s !== 'queued' && s !== 'running') || (counts?.byStatus[s] ?? 0) > 0).map(
        (status) => (
          <button
            key={status}
            type="button"
            className={`count-chip status-${status} ${active === status ? 'is-active' : ''}`}
            aria-pressed={active === status}
            data-count-status={status}
            onClick={() => onSelect(active === status ? '' : status)}
          >
            <span className="count-value">{counts?.byStatus[status] ?? '–'}</span>
            <span className="count-label">{status}</span>
          </button>
        ),
      )}
    </div>
  );
}
