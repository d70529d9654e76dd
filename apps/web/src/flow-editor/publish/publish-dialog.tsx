import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { flowsApi, webhookUrl } from '../../api/flows-api';
import type { ChangeNote, WhatIfReport } from '../../api/api-types';
import { Dialog } from '../../ui/dialog';
import { CopyButton } from '../../ui/copy-button';
import { InlineError, Spinner } from '../../ui/state-views';
import { currentSampleRecord } from '../test-run/sample-record';
import { useEditorStoreApi } from '../store/editor-store-context';
import { AttachWhatIf } from './attach-what-if';
import './publish.css';

export interface PublishDialogProps {
  flowId: string;
  flushSave: () => Promise<void>;
  onClose: () => void;
  onPublished: (version: number) => void;
}

type Phase =
  | { step: 'form' }
  | { step: 'working'; label: string }
  | { step: 'done'; version: number }
  | { step: 'error'; error: unknown };

/**
 * Change note → submit the draft as a version, in review. It goes live through the gate: the
 * owners of changed contract fields sign off, another admin approves and publishes (Approvals
 * page, or the editor's Versions tab).
 */
export function PublishDialog({ flowId, flushSave, onClose, onPublished }: PublishDialogProps) {
  const [note, setNote] = useState<ChangeNote>({ reason: '', acceptanceCheck: '', risk: '' });
  const [phase, setPhase] = useState<Phase>({ step: 'form' });
  const [whatIf, setWhatIf] = useState<WhatIfReport | null>(null);
  const store = useEditorStoreApi();
  const complete = note.reason.trim() && note.acceptanceCheck.trim() && note.risk.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!complete) return;
    try {
      setPhase({ step: 'working', label: 'Saving the draft…' });
      await flushSave();
      setPhase({ step: 'working', label: 'Submitting the version…' });
      const { version } = await flowsApi.submitVersion(flowId, whatIf ? { ...note, whatIf } : note);
      setPhase({ step: 'done', version });
      onPublished(version);
    } catch (error) {
      setPhase({ step: 'error', error });
    }
  };

  if (phase.step === 'done') {
    const url = webhookUrl(flowId);
    const body = JSON.stringify(currentSampleRecord(flowId, store.getState().source));
    // Webhooks authenticate: a personal API token (user menu → API tokens) or the flow's HMAC signature.
    const curl = `curl -X POST ${url} \\\n  -H "authorization: Bearer $BATON_TOKEN" \\\n  -H 'content-type: application/json' \\\n  -d '${body}'`;
    return (
      <Dialog
        title={`Version ${phase.version} is in review`}
        description="The owners of changed contract fields sign off, then an admin who is not you approves and publishes it. Once live, records POSTed to the webhook run it."
        onClose={onClose}
        footer={
          <>
            <Link className="btn" to="/approvals">
              Open approvals
            </Link>
            <button type="button" className="btn btn-primary" onClick={onClose}>
              Done
            </button>
          </>
        }
      >
        <div className="publish-success" role="status">
          <span className="badge badge-info">v{phase.version} in review</span>
        </div>
        <div className="field">
          <span className="field-label">Webhook URL (runs the published version)</span>
          <div className="copy-row">
            <code className="code-chip" aria-label="Published webhook URL">
              {url}
            </code>
            <CopyButton text={url} label="Copy webhook URL" />
          </div>
        </div>
        <div className="field">
          <span className="field-label">Send a record</span>
          <pre className="code-block">{curl}</pre>
          <div>
            <CopyButton text={curl} label="Copy curl command" />
          </div>
        </div>
      </Dialog>
    );
  }

  const working = phase.step === 'working';
  const set = (key: keyof ChangeNote) => (value: string) => setNote((n) => ({ ...n, [key]: value }));
  return (
    <Dialog
      title="Submit a new version"
      description="Say why this change is made and how to tell it works. Reviewers read this."
      onClose={onClose}
      width={560}
    >
      <form onSubmit={(e) => void submit(e)} style={{ display: 'contents' }}>
        <NoteField
          label="Reason"
          placeholder="Why this change? e.g. CRM now sends tier abbreviations"
          value={note.reason}
          onChange={set('reason')}
        />
        <NoteField
          label="Acceptance check"
          placeholder="How to tell it works, e.g. 10 sample orders land in fulfillment_queue"
          value={note.acceptanceCheck}
          onChange={set('acceptanceCheck')}
        />
        <NoteField
          label="Risk"
          placeholder="What could go wrong, and the fallback (e.g. roll back to the previous version)"
          value={note.risk}
          onChange={set('risk')}
        />
        <AttachWhatIf
          flowId={flowId}
          flushSave={flushSave}
          report={whatIf}
          onReport={setWhatIf}
          disabled={working}
        />
        {phase.step === 'error' ? <InlineError error={phase.error} /> : null}
        <div className="dialog-footer" style={{ padding: 0 }}>
          {working ? (
            <span className="publish-progress" role="status">
              <Spinner label={phase.label} /> {phase.label}
            </span>
          ) : null}
          <button type="button" className="btn" onClick={onClose} disabled={working}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={!complete || working}>
            Submit for approval
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function NoteField({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <textarea
        className="textarea"
        rows={2}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
      />
    </label>
  );
}
