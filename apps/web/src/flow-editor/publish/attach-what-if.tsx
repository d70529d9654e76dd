import { useState } from 'react';
import type { WhatIfReport } from '../../api/api-types';
import { runsApi } from '../../api/runs-api';
import { WhatIfReportView } from '../../runs/what-if-report-view';
import { InlineError, Spinner } from '../../ui/state-views';

export interface AttachWhatIfProps {
  flowId: string;
  /** The what-if replays the saved draft, so the editor's pending edits are saved first. */
  flushSave: () => Promise<void>;
  report: WhatIfReport | null;
  onReport: (report: WhatIfReport | null) => void;
  disabled: boolean;
}

/**
 * "Attach what-if report" in the submit dialog: replays the draft over the flow's last N runs
 * (sandboxed) and keeps the report, which the submission carries in its change note so the
 * approver sees what the version would change before approving it.
 */
export function AttachWhatIf({ flowId, flushSave, report, onReport, disabled }: AttachWhatIfProps) {
  const [limit, setLimit] = useState(100);
  const [state, setState] = useState<{ running: boolean; error?: unknown }>({ running: false });

  const run = async () => {
    setState({ running: true });
    try {
      await flushSave();
      onReport(await runsApi.whatIf(flowId, { version: 'draft', limit }));
      setState({ running: false });
    } catch (error) {
      setState({ running: false, error });
    }
  };

  return (
    <section className="what-if-attach" aria-label="Attach a what-if report">
      <div className="what-if-attach-row">
        <label className="field">
          <span>Last runs</span>
          <input
            className="input"
            type="number"
            min={1}
            max={1000}
            value={limit}
            aria-label="Runs to replay for the what-if report"
            onChange={(e) => setLimit(Math.max(1, Math.min(1000, Number(e.target.value) || 1)))}
          />
        </label>
        <button type="button" className="btn" onClick={() => void run()} disabled={disabled || state.running}>
          {state.running ? <Spinner label="Replaying" /> : null}
          {report ? 'Run again' : 'Attach what-if report'}
        </button>
        {report ? (
          <button type="button" className="btn" onClick={() => onReport(null)} disabled={disabled}>
            Remove
          </button>
        ) : (
          <span className="faint">Replays the draft over recent runs; nothing is written.</span>
        )}
      </div>
      {state.error ? <InlineError error={state.error} /> : null}
      {report ? <WhatIfReportView report={report} compact /> : null}
    </section>
  );
}
