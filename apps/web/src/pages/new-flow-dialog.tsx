import { useState, type FormEvent } from 'react';
import { flowsApi } from '../api/flows-api';
import type { FlowSummary } from '../api/api-types';
import { Dialog } from '../ui/dialog';
import { InlineError } from '../ui/state-views';

export interface NewFlowDialogProps {
  onClose: () => void;
  onCreated: (flow: FlowSummary) => void;
}

export function NewFlowDialog({ onClose, onCreated }: NewFlowDialogProps) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const trimmed = description.trim();
      const flow = await flowsApi.create({ name: name.trim(), ...(trimmed ? { description: trimmed } : {}) });
      onCreated(flow);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New flow"
      description="Name the hand-off, e.g. “Ticket to billing”. You can rename it later."
      onClose={onClose}
    >
      <form id="new-flow-form" onSubmit={(e) => void submit(e)} style={{ display: 'contents' }}>
        <label className="field">
          <span>Name</span>
          <input
            className="input"
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Order to fulfilment"
            required
            autoComplete="off"
          />
        </label>
        <label className="field">
          <span>Description (optional)</span>
          <textarea
            className="textarea"
            name="description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="Which systems hand off what, and why."
          />
        </label>
        {error ? <InlineError error={error} /> : null}
        <div className="dialog-footer" style={{ padding: 0 }}>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>
            {busy ? 'Creating…' : 'Create flow'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
