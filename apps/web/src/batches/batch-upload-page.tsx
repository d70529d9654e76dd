import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { flowsApi } from '../api/flows-api';
import { useCurrentUser } from '../auth/session-store';
import { formatDateTime } from '../ui/format-time';
import { EmptyState, ErrorState, InlineError, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { BatchDropzone } from './batch-dropzone';
import { BatchProgress, BatchSummary } from './batch-progress';
import { batchesApi, newBatchId, type Batch } from './batches-api';
import './batches.css';

type Upload =
  | { phase: 'idle' }
  | { phase: 'running'; batchId: string; batch: Batch | null }
  | { phase: 'done'; batch: Batch }
  | { phase: 'error'; error: unknown };

/** Polls the batch while the upload request is open (the upload answers only at the end). */
function usePolledBatch(batchId: string | null, onBatch: (batch: Batch) => void) {
  useEffect(() => {
    if (!batchId) return;
    const controller = new AbortController();
    const timer = setInterval(() => {
      batchesApi
        .get(batchId, controller.signal)
        .then(onBatch)
        .catch(() => undefined); // 404 until the server has created it; the upload's answer wins anyway
    }, 400);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [batchId, onBatch]);
}

/**
 * Batch upload for a flow: a CSV or JSONL file becomes one run per row of the published version.
 * Progress comes from polling the batch; the summary shows per-status counts and the rejects.
 */
export function BatchUploadPage() {
  const { id: flowId } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canUpload = user.role === 'admin' || user.role === 'analyst';
  const flows = useAsync((signal) => flowsApi.list(signal).then((p) => p.items), []);
  const flow = flows.data?.find((f) => f.id === flowId);
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [upload, setUpload] = useState<Upload>({ phase: 'idle' });
  const history = useAsync(
    (signal) => (flowId ? batchesApi.list(flowId, signal) : Promise.resolve([])),
    [flowId, upload.phase],
  );
  const running = upload.phase === 'running' ? upload.batchId : null;
  const [onBatch] = useState(
    () => (batch: Batch) => setUpload((u) => (u.phase === 'running' ? { ...u, batch } : u)),
  );
  usePolledBatch(running, onBatch);

  const start = async () => {
    if (!flowId || !file) return;
    const batchId = newBatchId();
    setUpload({ phase: 'running', batchId, batch: null });
    try {
      setUpload({ phase: 'done', batch: await batchesApi.upload(flowId, file, batchId) });
    } catch (error) {
      setUpload({ phase: 'error', error });
    }
  };

  const published = flows.data?.filter((f) => f.publishedVersion !== null) ?? [];
  return (
    <div className="page batch-page">
      <header className="page-header">
        <div>
          <h1>Batch upload</h1>
          <p>
            Run every row of a CSV (header row first) or JSON Lines file through a flow&apos;s published
            version, exactly like webhook records. Bad lines are counted as rejects with their line number.
          </p>
        </div>
        {flowId ? (
          <Link className="btn btn-ghost" to={`/flows/${encodeURIComponent(flowId)}`}>
            Open the flow
          </Link>
        ) : null}
      </header>

      {flows.status === 'error' && !flows.data ? (
        <div className="card">
          <ErrorState title="Could not load flows" error={flows.error} onRetry={flows.reload} />
        </div>
      ) : !flows.data ? (
        <div className="card">
          <Skeleton height={120} />
        </div>
      ) : published.length === 0 ? (
        <div className="card">
          <EmptyState icon="⇪" title="No published flows yet">
            A batch runs through a flow&apos;s published version. Publish a flow, then come back to upload a
            file.
          </EmptyState>
        </div>
      ) : (
        <section className="card">
          <label className="batch-flow-picker">
            <span className="field-label">Flow</span>
            <select
              className="select"
              aria-label="Flow"
              value={flowId ?? ''}
              disabled={upload.phase === 'running'}
              onChange={(e) => {
                setUpload({ phase: 'idle' });
                void navigate(`/flows/${encodeURIComponent(e.target.value)}/batches`);
              }}
            >
              <option value="" disabled>
                Pick a published flow
              </option>
              {published.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} (v{f.publishedVersion})
                </option>
              ))}
            </select>
          </label>
          {flowId && flow && flow.publishedVersion === null ? (
            <InlineError
              error={new Error(`${flow.name} has no published version; publish it before uploading.`)}
            />
          ) : null}
          <BatchDropzone
            file={file}
            disabled={!flowId || upload.phase === 'running' || !canUpload}
            onFile={(picked, problem) => {
              setFile(picked);
              setFileProblem(problem);
              setUpload({ phase: 'idle' });
            }}
          />
          {fileProblem ? <InlineError error={new Error(fileProblem)} /> : null}
          <div className="batch-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={!flowId || !file || upload.phase === 'running' || !canUpload}
              onClick={() => void start()}
            >
              {upload.phase === 'running' ? 'Uploading…' : 'Start upload'}
            </button>
            {!canUpload ? <span className="muted">Only admins and analysts may upload batches.</span> : null}
          </div>
        </section>
      )}

      {upload.phase === 'running' ? <BatchProgress batch={upload.batch} fileSize={file?.size ?? 0} /> : null}
      {upload.phase === 'done' ? (
        <>
          <BatchProgress batch={upload.batch} fileSize={file?.size ?? 0} />
          <BatchSummary batch={upload.batch} />
        </>
      ) : null}
      {upload.phase === 'error' ? (
        <div className="card">
          <ErrorState title="The batch did not run" error={upload.error} onRetry={() => void start()} />
        </div>
      ) : null}

      {flowId && history.data && history.data.length > 0 ? (
        <section className="card">
          <h2 className="batch-section-title">Recent batches</h2>
          <table className="table batch-history" aria-label="Recent batches">
            <thead>
              <tr>
                <th>File</th>
                <th>State</th>
                <th>Rows</th>
                <th>Finished</th>
                <th>Rejects</th>
                <th>Started</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((b) => (
                <tr key={b.id}>
                  <td>{b.fileName ?? b.id}</td>
                  <td>{b.state}</td>
                  <td>{b.counts.rows}</td>
                  <td>{b.finished}</td>
                  <td>{b.rejects}</td>
                  <td>{formatDateTime(b.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
