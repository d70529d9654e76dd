import { useState, type FormEvent } from 'react';
import type { FlowSummary } from '../api/api-types';
import { Dialog } from '../ui/dialog';
import { ErrorState, InlineError, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { sampleStorageKey } from '../flow-editor/test-run/sample-record';
import { templatesApi, type TemplateSummary } from './templates-api';
import './template-dialog.css';

export interface TemplateDialogProps {
  onClose: () => void;
  onCreated: (flow: FlowSummary) => void;
}

/** "New flow from template": one card per hand-off, a name, and the flow opens ready to test-run. */
export function TemplateDialog({ onClose, onCreated }: TemplateDialogProps) {
  const templates = useAsync((signal) => templatesApi.list(signal), []);
  const [chosen, setChosen] = useState<TemplateSummary | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const choose = (template: TemplateSummary) => {
    setChosen(template);
    // Keep a name the user typed; otherwise offer the template's own.
    if (!name.trim() || name === chosen?.title) setName(template.title);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const flow = await templatesApi.createFlow(chosen.id, name.trim());
      // The test-run panel starts from this record, so the first test run uses real sample data.
      const sample = chosen.sampleRecords[0];
      if (sample !== undefined)
        sessionStorage.setItem(sampleStorageKey(flow.id), JSON.stringify(sample, null, 2));
      onCreated(flow);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New flow from template"
      description="Start from a hand-off taken from real operations: contracts, owners, RACI, mapping, rules and sample records are ready to adapt."
      onClose={onClose}
      width={760}
    >
      <form onSubmit={(e) => void submit(e)} style={{ display: 'contents' }}>
        {templates.status === 'error' && !templates.data ? (
          <ErrorState title="Could not load templates" error={templates.error} onRetry={templates.reload} />
        ) : !templates.data ? (
          <div className="template-grid" aria-busy="true" aria-label="Loading templates">
            {[0, 1, 2].map((i) => (
              <div key={i} className="template-card">
                <Skeleton width="70%" height={16} />
                <Skeleton width="90%" />
                <Skeleton width="50%" />
              </div>
            ))}
          </div>
        ) : templates.data.items.length === 0 ? (
          <p className="template-empty" role="status">
            No templates are installed on this server (examples/templates is empty).
          </p>
        ) : (
          <div className="template-grid" role="radiogroup" aria-label="Templates">
            {templates.data.items.map((template) => (
              <TemplateCard
                key={template.id}
                template={template}
                selected={chosen?.id === template.id}
                onChoose={() => choose(template)}
              />
            ))}
          </div>
        )}
        <label className="field">
          <span>Flow name</span>
          <input
            className="input"
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Pick a template first"
            autoComplete="off"
            required
          />
        </label>
        {error ? <InlineError error={error} /> : null}
        <div className="dialog-footer" style={{ padding: 0 }}>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !chosen || !name.trim()}>
            {busy ? 'Creating…' : 'Create from template'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function TemplateCard({
  template,
  selected,
  onChoose,
}: {
  template: TemplateSummary;
  selected: boolean;
  onChoose: () => void;
}) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={selected}
      className={`template-card ${selected ? 'is-selected' : ''}`}
      onClick={onChoose}
      data-template-id={template.id}
    >
      <span className="template-route" aria-hidden="true">
        <span>{template.fromSystem}</span>
        <span className="template-arrow">→</span>
        <span>{template.toSystem}</span>
      </span>
      <span className="template-title">{template.title}</span>
      <span className="template-summary">{template.summary}</span>
      <span className="template-facts">
        {template.nodeCount} nodes · {template.sampleRecords.length} sample records · owners{' '}
        {template.owners.join(', ')}
      </span>
    </button>
  );
}
