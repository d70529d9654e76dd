import { Link } from 'react-router';
import type { WhatIfReport } from '../api/api-types';
import { StatusBadge } from '../ui/status-badge';
// The starts/stops-failing chips are the replay view's.
import './replay.css';
import './what-if-report.css';

/**
 * A bulk what-if report: outcome changes, the fields that change most, rules starting or
 * stopping to fail, and (unless `compact`, for a review page that links on) the changed runs.
 */
export function WhatIfReportView({ report, compact = false }: { report: WhatIfReport; compact?: boolean }) {
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
      {!compact && report.runs.length ? (
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

/** One line for lists: how many runs would change outcome, out of how many replayed. */
export function whatIfHeadline(report: WhatIfReport): string {
  return `${report.outcomeChanged} of ${report.replayed} recent runs would change outcome; ${report.traceChanged} would differ at all`;
}
