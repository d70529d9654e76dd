import { Link } from 'react-router';
import type { FlowDetail } from '../../api/api-types';
import { can } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session-store';
import { useEditor, useEditorStoreApi } from '../store/editor-store-context';
import { SaveIndicator } from './save-indicator';
import './toolbar.css';

export type EditorView = 'canvas' | 'json';

export interface EditorToolbarProps {
  flow: FlowDetail;
  view: EditorView;
  onViewChange: (view: EditorView) => void;
  testRunOpen: boolean;
  onToggleTestRun: () => void;
  onPublish: () => void;
  onRetrySave: () => void;
}

export function EditorToolbar({
  flow,
  view,
  onViewChange,
  testRunOpen,
  onToggleTestRun,
  onPublish,
  onRetrySave,
}: EditorToolbarProps) {
  const store = useEditorStoreApi();
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const errors = useEditor((s) => s.diagnostics.filter((d) => d.severity === 'error').length);
  const submit = can(useCurrentUser(), 'version.submit');
  const publishBlocked = errors > 0 || !submit.allowed;
  const blockedReason =
    submit.reason ?? `Fix ${errors} compile error${errors === 1 ? '' : 's'} before submitting`;

  return (
    <header className="editor-toolbar" aria-label="Editor toolbar">
      <div className="editor-title">
        <div className="breadcrumb">
          <Link to="/">Flows</Link> /
        </div>
        <h1>{flow.name}</h1>
        {flow.publishedVersion !== null ? (
          <span className="badge badge-success" aria-label={`Published version ${flow.publishedVersion}`}>
            v{flow.publishedVersion} live
          </span>
        ) : (
          <span className="badge">not published</span>
        )}
        <SaveIndicator onRetry={onRetrySave} />
        <Link className="btn btn-sm btn-ghost" to={`/flows/${encodeURIComponent(flow.id)}/playbook`}>
          Playbook
        </Link>
        <Link className="btn btn-sm btn-ghost" to={`/flows/${encodeURIComponent(flow.id)}/metrics`}>
          Metrics
        </Link>
      </div>

      <div className="editor-actions">
        <div className="segmented" role="tablist" aria-label="View">
          <button
            type="button"
            role="tab"
            aria-selected={view === 'canvas'}
            className={view === 'canvas' ? 'is-active' : ''}
            onClick={() => onViewChange('canvas')}
          >
            Canvas
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={view === 'json'}
            className={view === 'json' ? 'is-active' : ''}
            onClick={() => onViewChange('json')}
          >
            JSON
          </button>
        </div>
        <div className="toolbar-group">
          <button
            type="button"
            className="btn btn-icon"
            aria-label="Undo"
            title="Undo (Ctrl+Z)"
            disabled={!canUndo}
            onClick={() => store.getState().undo()}
          >
            ↶
          </button>
          <button
            type="button"
            className="btn btn-icon"
            aria-label="Redo"
            title="Redo (Ctrl+Shift+Z)"
            disabled={!canRedo}
            onClick={() => store.getState().redo()}
          >
            ↷
          </button>
        </div>
        <button
          type="button"
          className={`btn ${testRunOpen ? 'is-pressed' : ''}`}
          aria-pressed={testRunOpen}
          onClick={onToggleTestRun}
        >
          ▶ Test run
        </button>
        {/* A disabled button fires no hover events, so the tooltip sits on a wrapper. */}
        <span
          className="tooltip-wrap"
          title={
            publishBlocked
              ? blockedReason
              : 'Submit the draft as a new version for review; it goes live once approved'
          }
        >
          <button
            type="button"
            className="btn btn-primary"
            disabled={publishBlocked}
            onClick={onPublish}
            aria-describedby={publishBlocked ? 'publish-blocked' : undefined}
          >
            Submit for approval…
          </button>
          {publishBlocked ? (
            <span id="publish-blocked" className="visually-hidden">
              {blockedReason}
            </span>
          ) : null}
        </span>
      </div>
    </header>
  );
}
