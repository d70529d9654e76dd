import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import type { CandidateInput } from './playbook-api';

export const BLANK_CANDIDATE: CandidateInput = {
  name: '',
  systemFrom: '',
  systemTo: '',
  frequencyPerWeek: 0,
  impact: 3,
  notes: '',
  rationale: '',
};

/** Add or edit one candidate hand-off; the server validates, its problem is shown inline. */
export function CandidateForm({
  initial,
  label,
  submitLabel,
  onSave,
  onCancel,
}: {
  initial: CandidateInput;
  label: string;
  submitLabel: string;
  onSave: (input: CandidateInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const text = (key: keyof CandidateInput) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <form
      className="candidate-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        setBusy(true);
        onSave(form)
          .then(() => setForm(initial))
          .catch((err: unknown) => setError(errorMessage(err)))
          .finally(() => setBusy(false));
      }}
    >
      <label className="field">
        <span className="field-label">Hand-off</span>
        <input
          className="input input-sm"
          aria-label="Candidate name"
          required
          value={form.name}
          onChange={text('name')}
          placeholder="e.g. Order to fulfilment"
        />
      </label>
      <label className="field">
        <span className="field-label">From system</span>
        <input
          className="input input-sm"
          aria-label="From system"
          required
          value={form.systemFrom}
          onChange={text('systemFrom')}
          placeholder="CRM"
        />
      </label>
      <label className="field">
        <span className="field-label">To system</span>
        <input
          className="input input-sm"
          aria-label="To system"
          required
          value={form.systemTo}
          onChange={text('systemTo')}
          placeholder="ERP"
        />
      </label>
      <label className="field">
        <span className="field-label">Per week</span>
        <input
          className="input input-sm"
          aria-label="Frequency per week"
          type="number"
          min={0}
          step="any"
          required
          value={form.frequencyPerWeek}
          onChange={(e) => setForm({ ...form, frequencyPerWeek: Number(e.target.value) })}
        />
      </label>
      <label className="field">
        <span className="field-label">Impact (1–5)</span>
        <select
          className="select input-sm"
          aria-label="Business impact"
          value={form.impact}
          onChange={(e) => setForm({ ...form, impact: Number(e.target.value) })}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="field candidate-form-wide">
        <span className="field-label">Notes</span>
        <input
          className="input input-sm"
          aria-label="Notes"
          value={form.notes}
          onChange={text('notes')}
          placeholder="How it is done today"
        />
      </label>
      <label className="field candidate-form-wide">
        <span className="field-label">Selection rationale</span>
        <input
          className="input input-sm"
          aria-label="Selection rationale"
          value={form.rationale}
          onChange={text('rationale')}
          placeholder="Why (or why not) this one first"
        />
      </label>
      <div className="candidate-form-actions">
        <button type="submit" className="btn btn-sm btn-primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-sm" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {error ? (
        <span className="form-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
