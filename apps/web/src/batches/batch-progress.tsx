import { rejectsUrl, type Batch } from './batches-api';

const STATUS_ROWS: Array<{ key: keyof Batch['counts']; label: string; tone: string }> = [
  { key: 'succeeded', label: 'Succeeded', tone: 'ok' },
  { key: 'flagged', label: 'Flagged', tone: 'warn' },
  { key: 'rejected', label: 'Rejected', tone: 'bad' },
  { key: 'failed', label: 'Failed', tone: 'bad' },
  { key: 'duplicate', label: 'Duplicate', tone: 'muted' },
  { key: 'malformed', label: 'Malformed lines', tone: 'bad' },
];

/** While a batch runs: how far the file is read (bytes) and how many rows finished. */
export function BatchProgress({ batch, fileSize }: { batch: Batch | null; fileSize: number }) {
  const read = batch ? Math.min(batch.bytes, fileSize) : 0;
  const percent = batch?.state === 'done' ? 100 : fileSize > 0 ? Math.floor((read / fileSize) * 100) : 0;
  return (
    <section className="card batch-progress" aria-live="polite">
      <div className="batch-progress-head">
        <strong>{batch?.state === 'done' ? 'Finished' : 'Uploading and running…'}</strong>
        <span className="muted">
          {batch ? `${batch.counts.rows} rows read · ${batch.finished} finished` : 'Starting…'}
        </span>
      </div>
      <div
        className="batch-bar"
        role="progressbar"
        aria-label="Batch progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="batch-bar-fill" style={{ width: `${percent}%` }} />
      </div>
    </section>
  );
}

/** The end of a batch: per-status counts and the rejects to download. */
export function BatchSummary({ batch }: { batch: Batch }) {
  return (
    <section className="card batch-summary" data-testid="batch-summary">
      <header className="batch-summary-head">
        <div>
          <h2>{batch.fileName ?? batch.id}</h2>
          <p className="muted">
            {batch.counts.rows} rows · version {batch.version} · {batch.format.toUpperCase()}
          </p>
        </div>
        {batch.rejects > 0 ? (
          <div className="batch-downloads">
            <a className="btn" href={rejectsUrl(batch.id, 'csv')} download>
              Download rejects (CSV)
            </a>
            <a className="btn btn-ghost" href={rejectsUrl(batch.id, 'jsonl')} download>
              JSONL
            </a>
          </div>
        ) : (
          <span className="batch-clean">No rejects</span>
        )}
      </header>
      {batch.error ? (
        <p className="inline-error" role="alert">
          <strong aria-hidden="true">!</strong> <span>Stopped early: {batch.error}</span>
        </p>
      ) : null}
      <dl className="batch-counts">
        {STATUS_ROWS.map((row) => (
          <div key={row.key} className={`batch-count tone-${row.tone}`} data-status={row.key}>
            <dt>{row.label}</dt>
            <dd>{batch.counts[row.key]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
