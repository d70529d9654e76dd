import { useState } from 'react';
import type { ContractField } from '@baton/schema';
import { ApiError } from '../api/api-error';
import { ownersApi, type FieldRulesPatch, type OwnedField } from '../owners/owners-api';

const num = (t: string): number | null => (t.trim() === '' || Number.isNaN(Number(t)) ? null : Number(t));
const text = (v: number | undefined) => (v === undefined ? '' : String(v));

/** The rules of one owned field as a small form; saving patches only this field of the draft. */
export function FieldRulesEditor({
  ownerId,
  item,
  onSaved,
}: {
  ownerId: string;
  item: OwnedField;
  onSaved: () => void;
}) {
  const f: ContractField = item.field;
  const numeric = f.type === 'integer' || f.type === 'number';
  const [required, setRequired] = useState(f.required);
  const [allowed, setAllowed] = useState((f.allowed ?? []).join(', '));
  const [pattern, setPattern] = useState(f.pattern ?? '');
  const [low, setLow] = useState(text(numeric ? f.min : f.minLength));
  const [high, setHigh] = useState(text(numeric ? f.max : f.maxLength));
  const [action, setAction] = useState<'reject' | 'flag'>(f.onFail?.action ?? 'reject');
  const [message, setMessage] = useState(f.onFail?.message ?? '');
  const [state, setState] = useState<{ kind: 'idle' | 'saved' } | { kind: 'error'; text: string }>({
    kind: 'idle',
  });

  const save = async () => {
    const values = allowed
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const patch: FieldRulesPatch = {
      required,
      allowed: values.length
        ? values.map((v) => (numeric && !Number.isNaN(Number(v)) ? Number(v) : v))
        : null,
      pattern: pattern || null,
      [numeric ? 'min' : 'minLength']: num(low),
      [numeric ? 'max' : 'maxLength']: num(high),
      onFail: action === 'reject' ? { action, message } : { action, ...(message ? { message } : {}) },
    };
    try {
      await ownersApi.patchField(ownerId, item.flowId, item.edgeId, f.name, patch);
      setState({ kind: 'saved' });
      onSaved();
    } catch (e) {
      setState({ kind: 'error', text: e instanceof ApiError ? e.detail : String(e) });
    }
  };

  const id = `${item.flowId}-${item.edgeId}-${f.name}`;
  return (
    <form
      className="rules-form"
      aria-label={`Rules of ${f.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="checkbox-field">
        <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} /> Required
      </label>
      <label htmlFor={`${id}-allowed`}>Allowed values</label>
      <input
        id={`${id}-allowed`}
        className="input input-sm mono"
        value={allowed}
        onChange={(e) => setAllowed(e.target.value)}
      />
      <label htmlFor={`${id}-pattern`}>Pattern</label>
      <input
        id={`${id}-pattern`}
        className="input input-sm mono"
        value={pattern}
        onChange={(e) => setPattern(e.target.value)}
      />
      <label htmlFor={`${id}-low`}>{numeric ? 'Min' : 'Min length'}</label>
      <input
        id={`${id}-low`}
        className="input input-sm"
        value={low}
        onChange={(e) => setLow(e.target.value)}
      />
      <label htmlFor={`${id}-high`}>{numeric ? 'Max' : 'Max length'}</label>
      <input
        id={`${id}-high`}
        className="input input-sm"
        value={high}
        onChange={(e) => setHigh(e.target.value)}
      />
      <label htmlFor={`${id}-action`}>On fail</label>
      <select
        id={`${id}-action`}
        className="select input-sm"
        value={action}
        onChange={(e) => setAction(e.target.value as 'reject' | 'flag')}
      >
        <option value="reject">reject</option>
        <option value="flag">flag</option>
      </select>
      <label htmlFor={`${id}-message`}>Message</label>
      <input
        id={`${id}-message`}
        className="input input-sm"
        value={message}
        onChange={(e) => setMessage(e.target.value)}
      />
      <div className="rules-actions">
        <button type="submit" className="btn btn-sm btn-primary">
          Save rules
        </button>
        {state.kind === 'saved' ? <span role="status">Saved to the draft.</span> : null}
        {state.kind === 'error' ? (
          <span className="form-error" role="alert">
            {state.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
