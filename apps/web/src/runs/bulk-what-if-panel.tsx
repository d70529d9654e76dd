import { useState } from 'react';
import type { WhatIfReport } from '../api/api-types';
import { runsApi } from '../api/runs-api';
import { InlineError, Spinner } from '../ui/state-views';
import { WhatIfReportView } from './what-if-report-view';

/**
 * Bulk what-if for a flow's draft: replays its last N runs in a sandbox and reports what would
 * change (outcomes, fields, rules), with a link into each changed run's diff.
 */
export function BulkWhatIfPanel({ flowId }: { flowId: string }) {
  const [limit, setLimit] = useState(100);
  const [state, setState] = useState<{ status: 'idle' | 'running' | 'error'; error?: unknown }>({
    status: 'idle',
  });
  const [report, setReport] = useState<WhatIfReport | null>(null);

  const run = () => {
    setState({ status: 'running' });
    runsApi.whatIf(flowId, { version: 'draft', limit }).then(
      (r) => {
        setReport(r);
        setState({ status: 'idle' });
      },
      (error: unknown) => setState({ status: 'error', error }),
    );
  };

  return (
    <section className="card bulk-what-if" aria-label="Bulk what-if">
      <header className="what-if-head">
        <h2>What if the draft had run?</h2>
        <label className="field">
          <span>Last runs</span>
          <input
            className="input"
            type="number"
            min={1}
            max={1000}
            value={limit}
            aria-label="Number of runs to replay"
            onChange={(e) => setLimit(Math.max(1, Math.min(1000, Number(e.target.value) || 1)))}
          />
        </label>
        <button type="button" className="btn btn-primary" onClick={run} disabled={state.status === 'running'}>
          {state.status === 'running' ? <Spinner label="Replaying" /> : null}
          Replay against the draft
        </button>
        <span className="faint">Sandboxed: nothing is written, nobody is notified.</span>
      </header>
      {state.status === 'error' ? <InlineError error={state.error} /> : null}
      {report ? <WhatIfReportView report={report} /> : null}
    </section>
  );
}
