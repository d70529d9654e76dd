import { useState } from 'react';
import { ApiError } from '../api/api-error';
import type { Connection, ConnectionInput, ConnectionKind } from './connections-api';
import { initialState, toInput, type FormState } from './connection-form-model';

export interface ConnectionFormProps {
  connection: Connection | null;
  onSave: (name: string, input: ConnectionInput) => Promise<void>;
  onCancel: () => void;
}

/** Create or edit a connection; secrets are write-only (the API never answers them). */
export function ConnectionForm({ connection, onSave, onCancel }: ConnectionFormProps) {
  const editing = connection !== null;
  const [form, setForm] = useState(() => initialState(connection));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (
    key: keyof FormState,
    label: string,
    options: { type?: string; placeholder?: string; mono?: boolean } = {},
  ) => (
    <label className="connection-field">
      <span>{label}</span>
      <input
        className={`input input-sm ${options.mono ? 'mono' : ''}`}
        aria-label={label}
        type={options.type ?? 'text'}
        placeholder={options.placeholder}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </label>
  );

  return (
    <form
      className="connection-form"
      aria-label={editing ? `Edit connection ${form.name}` : 'New connection'}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        onSave(form.name, toInput(form, editing))
          .catch((err: unknown) => setError(err instanceof ApiError ? err.detail : String(err)))
          .finally(() => setBusy(false));
      }}
    >
      {editing ? null : field('name', 'Name', { placeholder: 'e.g. warehouse', mono: true })}
      <label className="connection-field">
        <span>Kind</span>
        <select
          className="select input-sm"
          aria-label="Kind"
          value={form.kind}
          disabled={editing}
          onChange={(e) => {
            const kind = e.target.value as ConnectionKind;
            // Each file kind has its own extension; swap it so the default name stays valid.
            const file = form.file.replace(/\.(sqlite|jsonl)$/, kind === 'jsonl-file' ? '.jsonl' : '.sqlite');
            setForm({ ...form, kind, file });
          }}
        >
          <option value="postgres">PostgreSQL table</option>
          <option value="http">HTTP endpoint</option>
          <option value="sqlite-embedded">Embedded SQLite file</option>
          <option value="jsonl-file">JSON Lines file</option>
        </select>
      </label>
      {form.kind === 'sqlite-embedded' || form.kind === 'jsonl-file'
        ? field('file', 'File in the data folder', { mono: true })
        : null}
      {form.kind === 'postgres' ? (
        <>
          {field('host', 'Host', { mono: true })}
          {field('port', 'Port', { type: 'number' })}
          {field('database', 'Database')}
          {field('user', 'User')}
          {field('schema', 'Schema', { mono: true })}
          {field('password', 'Password', { type: 'password', placeholder: editing ? '(unchanged)' : '' })}
        </>
      ) : null}
      {form.kind === 'http' ? (
        <>
          {field('url', 'URL ({table} is replaced by the write node table)', { mono: true })}
          <label className="connection-field">
            <span>Method</span>
            <select
              className="select input-sm"
              aria-label="Method"
              value={form.method}
              onChange={(e) => setForm({ ...form, method: e.target.value === 'PUT' ? 'PUT' : 'POST' })}
            >
              <option>POST</option>
              <option>PUT</option>
            </select>
          </label>
          {field('timeoutMs', 'Timeout (ms)', { type: 'number' })}
          {field('maxAttempts', 'Attempts (with back-off)', { type: 'number' })}
          {field('authorization', 'Authorization header', {
            type: 'password',
            placeholder: editing ? '(unchanged)' : 'Bearer …',
          })}
        </>
      ) : null}
      {/* Every kind: writes beyond the limit wait (across all workers in cluster mode). */}
      {field('rateMax', 'Rate limit: writes (blank = none)', { type: 'number', placeholder: 'no limit' })}
      {form.rateMax.trim() === '' ? null : field('ratePerSeconds', 'per seconds', { type: 'number' })}
      <div className="connection-form-actions">
        <button type="submit" className="btn btn-sm btn-primary" disabled={busy}>
          {editing ? 'Save' : 'Add connection'}
        </button>
        <button type="button" className="btn btn-sm" onClick={onCancel}>
          Cancel
        </button>
        {error ? (
          <span className="form-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    </form>
  );
}
