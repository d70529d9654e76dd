import { useState } from 'react';
import { Link } from 'react-router';
import type { WhatIfReport } from '../api/api-types';
import { runsApi } from '../api/runs-api';
import { InlineError, Spinner } from '../ui/state-views';
import { StatusBadge } from '../ui/status-badge';

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
      {report ? <ReportView report={report} /> : null}
    </section>
  );
}

function ReportView({ report }: { report: WhatIfReport }) {
  return (
    <div className="what-if-report" aria-label="What-if report">
      <p role="status">
        <strong>{report.outcomeChanged}</strong> of {report.replayed} runs would change outcome;{' '}
        <strong>{report.traceChanged}</strong> would differ at all
        {report.skipped ? ` (${report.skipped} duplicates or unfinished runs skipped)` : ''}.
      </p>
      <div className="report-columns">
        <div>
          <h3>Outcome changes</h3>
          {report.transitions.length === 0 ? <p className="faint">None.</p> : null}
          <ul>
            {report.transitions.map((t) => (
              <li key={`${t.from}-${t.to}`}>
                <StatusBadge status={t.from} /> → <StatusBadge status={t.to} /> × {t.count}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Fields that change most</h3>
          {report.fieldsChangingMost.length === 0 ? <p className="faint">None.</p> : null}
          <ul>
            {report.fieldsChangingMost.map((f) => (
              <li key={`${f.nodeId}-${f.field}`}>
                <span className="mono">{f.field || '(value)'}</span>{' '}
                <span className="faint">at {f.label}</span> × {f.count}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Rules</h3>
          {report.rulesStartingToFail.length + report.rulesStoppingToFail.length === 0 ? (
            <p className="faint">No rule changes.</p>
          ) : null}
          <ul>
            {report.rulesStartingToFail.map((r) => (
              <li key={`start-${r.rule}-${r.field ?? ''}`}>
                <span className="rdiff-chip is-failing">starts failing</span>{' '}
                <span className="mono">{r.rule}</span> × {r.count}
              </li>
            ))}
            {report.rulesStoppingToFail.map((r) => (
              <li key={`stop-${r.rule}-${r.field ?? ''}`}>
                <span className="rdiff-chip rdiff-added">stops failing</span>{' '}
                <span className="mono">{r.rule}</span> × {r.count}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {report.runs.length ? (
        <>
          <h3>Runs that change</h3>
          <ul className="report-runs">
            {report.runs.map((r) => (
              <li key={r.runId}>
                <Link className="mono" to={r.link}>
                  {r.recordKey ?? r.runId}
                </Link>{' '}
                <StatusBadge status={r.before} /> → <StatusBadge status={r.after} />
                {r.changedFields.length ? (
                  <span className="faint"> · {r.changedFields.join(', ')}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
