import { useState } from 'react';
import { CopyButton } from '../ui/copy-button';
import { EmptyState, InlineError, Spinner } from '../ui/state-views';
import { countWords, playbookApi, type StatusReport } from './playbook-api';

const LIMIT = 300;

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** The weekly status: generated from the flow's data, edited here, then copied or exported. */
export function StatusPanel({ flowId }: { flowId: string }) {
  const [week, setWeek] = useState(() => new Date().toISOString().slice(0, 10));
  const [report, setReport] = useState<StatusReport | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const words = countWords(text);

  const generate = () => {
    setBusy(true);
    setError(null);
    playbookApi
      .statusReport(flowId, week)
      .then((r) => {
        setReport(r);
        setText(r.markdown);
      }, setError)
      .finally(() => setBusy(false));
  };

  return (
    <div className="status-panel">
      <div className="status-toolbar">
        <label className="field status-week">
          <span className="field-label">Week containing</span>
          <input
            className="input input-sm"
            type="date"
            aria-label="Week"
            value={week}
            onChange={(e) => setWeek(e.target.value)}
            required
          />
        </label>
        <button type="button" className="btn btn-sm btn-primary" onClick={generate} disabled={busy || !week}>
          {report ? 'Regenerate' : 'Generate weekly status'}
        </button>
        {busy ? <Spinner label="Generating" /> : null}
      </div>
      {error ? <InlineError error={error} /> : null}
      {!report ? (
        busy ? null : (
          <EmptyState icon="✎" title="No status generated yet">
            Generate this week’s status from the flow’s data (versions shipped, what is blocked, the metrics
            against the baseline, next steps), edit it, then copy it or export it as markdown.
          </EmptyState>
        )
      ) : (
        <>
          <dl className="status-figures" aria-label="Status figures">
            <div>
              <dt>Versions shipped</dt>
              <dd data-figure="shipped">{report.figures.shipped.length}</dd>
            </div>
            <div>
              <dt>Open follow-ups</dt>
              <dd data-figure="followUps">{report.figures.openFollowUps}</dd>
            </div>
            <div>
              <dt>Dead letters</dt>
              <dd data-figure="deadLetters">{report.figures.deadLetters}</dd>
            </div>
            <div>
              <dt>Pending approvals</dt>
              <dd data-figure="pendingApprovals">{report.figures.pendingApprovals}</dd>
            </div>
            <div>
              <dt>Records this week</dt>
              <dd data-figure="records">{report.figures.metrics?.count ?? '—'}</dd>
            </div>
          </dl>
          <textarea
            className="textarea status-text mono"
            aria-label="Weekly status markdown"
            value={text}
            rows={22}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="status-footer">
            <span
              className={words >= LIMIT ? 'status-words status-words-over' : 'status-words'}
              aria-label="Word count"
            >
              {words} / {LIMIT} words
            </span>
            {words >= LIMIT ? (
              <span className="form-error">Over the limit: trim it before sending.</span>
            ) : null}
            <span className="status-footer-actions">
              <CopyButton text={text} label="Copy status" />
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => download(`status-${report.flowId}-${report.week.from.slice(0, 10)}.md`, text)}
              >
                Export as markdown
              </button>
            </span>
          </div>
        </>
      )}
    </div>
  );
}
