import { useState } from 'react';
import { Link } from 'react-router';
import { InlineError } from '../ui/state-views';
import { connectionsApi, type RetryAnswer } from './connections-api';

/**
 * On a failed (dead-lettered) run: retry it as a new run of the same record and version, after
 * the target was fixed. The failed run stays as it was; the answer links to the new run.
 */
export function RetryRunButton({ runId }: { runId: string }) {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<RetryAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);

  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      setAnswer(await connectionsApi.retryRun(runId));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (answer) {
    return (
      <span className="retry-result" role="status">
        Retried: <Link to={`/runs/${answer.runId}`}>run {answer.status}</Link>
      </span>
    );
  }
  return (
    <>
      <button type="button" className="btn btn-primary" onClick={() => void retry()} disabled={busy}>
        {busy ? 'Retrying…' : 'Retry'}
      </button>
      {error ? <InlineError error={error} /> : null}
    </>
  );
}
