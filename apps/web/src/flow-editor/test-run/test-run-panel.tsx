import { useState } from 'react';
import type { Diagnostic } from '@baton/schema';
import { flowsApi } from '../../api/flows-api';
import { isApiError } from '../../api/api-error';
import type { TestRunResponse } from '../../api/api-types';
import { useEditorStoreApi } from '../store/editor-store-context';
import { LazyJsonEditor } from '../../monaco/lazy-json-editor';
import { sampleRecordModelUri } from '../../monaco/model-uris';
import { InlineError, Spinner } from '../../ui/state-views';
import { sampleRecordFor, sampleStorageKey } from './sample-record';
import { TraceView } from './trace-view';
import './test-run.css';

export interface TestRunPanelProps {
  /** Saves pending edits first: the server test-runs the stored draft. */
  flushSave: () => Promise<void>;
  onSelectNode: (nodeId: string) => void;
}

type RunState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; trace: TestRunResponse }
  | { status: 'error'; error: unknown; diagnostics: Diagnostic[] };

/** Dry-runs the draft on a record typed in Monaco and shows the step-by-step trace. */
export function TestRunPanel({ flushSave, onSelectNode }: TestRunPanelProps) {
  const store = useEditorStoreApi();
  const flowId = store.getState().flowId;
  const [text, setText] = useState(
    () =>
      sessionStorage.getItem(sampleStorageKey(flowId)) ??
      JSON.stringify(sampleRecordFor(flowId, store.getState().source), null, 2),
  );
  const [run, setRun] = useState<RunState>({ status: 'idle' });

  let parseError: string | null = null;
  let record: unknown = null;
  try {
    record = JSON.parse(text);
  } catch (error) {
    parseError = error instanceof Error ? error.message : String(error);
  }

  const start = async () => {
    if (parseError) return;
    setRun({ status: 'running' });
    try {
      await flushSave();
      setRun({ status: 'done', trace: await flowsApi.testRun(flowId, record) });
    } catch (error) {
      setRun({ status: 'error', error, diagnostics: isApiError(error) ? error.diagnostics : [] });
    }
  };

  return (
    <section className="test-run" aria-label="Test run">
      <div className="test-run-head">
        <div>
          <h2>Test run</h2>
          <p className="muted">Runs the draft on one record. Nothing is written.</p>
        </div>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void start()}
          disabled={run.status === 'running' || parseError !== null}
        >
          {run.status === 'running' ? <Spinner label="Running" /> : '▶'} Run
        </button>
      </div>
      <div className="test-run-record">
        <div className="test-run-record-label">
          <span>Sample record</span>
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            onClick={() => {
              const sample = JSON.stringify(sampleRecordFor(flowId, store.getState().source), null, 2);
              setText(sample);
              sessionStorage.removeItem(sampleStorageKey(flowId));
            }}
          >
            Reset sample
          </button>
        </div>
        <div className="test-run-editor">
          <LazyJsonEditor
            path={sampleRecordModelUri(flowId)}
            ariaLabel="Sample record JSON"
            value={text}
            onChange={(next) => {
              setText(next);
              sessionStorage.setItem(sampleStorageKey(flowId), next);
            }}
          />
        </div>
        {parseError ? <div className="test-run-parse-error">Not valid JSON yet: {parseError}</div> : null}
      </div>
      <div className="test-run-result" aria-live="polite">
        {run.status === 'idle' ? (
          <p className="test-run-placeholder">
            Press Run to see each step: what came in, what went out and which checks passed.
          </p>
        ) : run.status === 'running' ? (
          <div className="test-run-placeholder" role="status">
            <Spinner label="Running the draft" /> Running the draft…
          </div>
        ) : run.status === 'error' ? (
          <div className="test-run-error">
            {isApiError(run.error) && run.error.code === 'draft_invalid' ? (
              <h3>Fix the draft first</h3>
            ) : (
              <h3>The test run did not start</h3>
            )}
            <InlineError error={run.error} />
            {run.diagnostics.length > 0 ? (
              <ul className="test-run-diagnostics">
                {run.diagnostics.map((d, i) => (
                  <li key={i}>
                    <code>{d.code}</code> {d.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : (
          <TraceView trace={run.trace} onSelectNode={onSelectNode} />
        )}
      </div>
    </section>
  );
}
