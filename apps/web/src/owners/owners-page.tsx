import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { ErrorState, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { ownersApi, type Owner, type OwnerInput } from './owners-api';
import { refreshOwners } from './use-owners';
import './owners.css';

const blank: OwnerInput = { id: '', name: '', kind: 'person', email: '', webhookUrl: '', webhookSecret: '' };

/** Empty text means "none" for the optional members. */
function cleaned(input: OwnerInput): OwnerInput {
  const out: OwnerInput = { ...input };
  for (const key of ['email', 'webhookUrl', 'webhookSecret'] as const) if (out[key] === '') out[key] = null;
  return out;
}

function OwnerForm({
  initial,
  editing,
  onSave,
  onCancel,
}: {
  initial: OwnerInput;
  editing: boolean;
  onSave: (o: OwnerInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof OwnerInput) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <form
      className="owner-form"
      aria-label={editing ? `Edit owner ${initial.id ?? ''}` : 'New owner'}
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        const body = cleaned(form);
        // A blank secret while editing keeps the stored one.
        if (editing && !form.webhookSecret) delete body.webhookSecret;
        onSave(body).catch((err: unknown) => setError(err instanceof ApiError ? err.detail : String(err)));
      }}
    >
      {editing ? null : (
        <input
          className="input input-sm mono"
          aria-label="Owner id"
          placeholder="id, e.g. finance-ops"
          value={form.id ?? ''}
          onChange={set('id')}
          required
        />
      )}
      <input
        className="input input-sm"
        aria-label="Owner name"
        placeholder="Name"
        value={form.name ?? ''}
        onChange={set('name')}
        required
      />
      <select
        className="select input-sm"
        aria-label="Owner kind"
        value={form.kind ?? 'person'}
        onChange={set('kind')}
      >
        <option value="person">person</option>
        <option value="team">team</option>
      </select>
      <input
        className="input input-sm"
        aria-label="Owner email"
        placeholder="e-mail"
        value={form.email ?? ''}
        onChange={set('email')}
      />
      <input
        className="input input-sm mono"
        aria-label="Owner webhook URL"
        placeholder="https://… (notifications)"
        value={form.webhookUrl ?? ''}
        onChange={set('webhookUrl')}
      />
      <input
        className="input input-sm mono"
        aria-label="Owner webhook secret"
        type="password"
        placeholder={editing ? 'secret (unchanged)' : 'HMAC secret'}
        value={form.webhookSecret ?? ''}
        onChange={set('webhookSecret')}
      />
      <button type="submit" className="btn btn-sm btn-primary">
        {editing ? 'Save' : 'Add owner'}
      </button>
      {onCancel ? (
        <button type="button" className="btn btn-sm" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      {error ? (
        <span className="form-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}

function LookupTable({ owners }: { owners: readonly Owner[] }) {
  const lookup = useAsync(() => ownersApi.lookup(), []);
  const [error, setError] = useState<string | null>(null);
  if (!lookup.data) return <Skeleton height={60} />;
  return (
    <table className="table" aria-label="Owner lookup">
      <thead>
        <tr>
          <th>Issue category</th>
          <th>Owner</th>
        </tr>
      </thead>
      <tbody>
        {lookup.data.items.map((entry) => (
          <tr key={entry.category}>
            <td>{entry.label}</td>
            <td>
              <select
                className="select input-sm"
                aria-label={`Owner for ${entry.label}`}
                value={entry.ownerId ?? ''}
                onChange={(e) =>
                  ownersApi
                    .setLookup(entry.category, e.target.value || null)
                    .then(lookup.reload, (err: unknown) => setError(String(err)))
                }
              >
                <option value="">— nobody —</option>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
      {error ? <caption className="form-error">{error}</caption> : null}
    </table>
  );
}

/** The owners directory (people and teams who own fields and sit in RACI rows) and the owner lookup. */
export function OwnersPage() {
  const owners = useAsync(() => ownersApi.list(), []);
  const [editing, setEditing] = useState<string | null>(null);
  // Shown under the table: a refused delete (409 owner_in_use) says where the owner is still used.
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const changed = () => {
    owners.reload();
    void refreshOwners();
  };
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Owners</h1>
          <p>
            People and teams who own contract fields, sit in RACI rows and receive rejected and flagged
            records.
          </p>
        </div>
      </header>
      {owners.status === 'error' && !owners.data ? (
        <div className="card">
          <ErrorState title="Could not load owners" error={owners.error} onRetry={owners.reload} />
        </div>
      ) : !owners.data ? (
        <div className="card">
          <Skeleton height={120} />
        </div>
      ) : (
        <>
          <section className="card owners-card" aria-label="Owners directory">
            <table className="table">
              <thead>
                <tr>
                  <th>Id</th>
                  <th>Name</th>
                  <th>Kind</th>
                  <th>E-mail</th>
                  <th>Notification webhook</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {owners.data.items.map((o) =>
                  editing === o.id ? (
                    <tr key={o.id}>
                      <td colSpan={6}>
                        <OwnerForm
                          editing
                          initial={{
                            id: o.id,
                            name: o.name,
                            kind: o.kind,
                            email: o.email ?? '',
                            webhookUrl: o.webhookUrl ?? '',
                            webhookSecret: '',
                          }}
                          onCancel={() => setEditing(null)}
                          onSave={async ({ id: _id, ...body }) => {
                            await ownersApi.update(o.id, body);
                            setEditing(null);
                            changed();
                          }}
                        />
                      </td>
                    </tr>
                  ) : (
                    <tr key={o.id} aria-label={`Owner ${o.id}`}>
                      <td className="mono">{o.id}</td>
                      <td>{o.name}</td>
                      <td>{o.kind}</td>
                      <td>{o.email ?? '—'}</td>
                      <td className="mono">
                        {o.webhookUrl ? `${o.webhookUrl}${o.hasWebhookSecret ? ' (signed)' : ''}` : '—'}
                      </td>
                      <td className="owners-actions">
                        <button type="button" className="btn btn-sm" onClick={() => setEditing(o.id)}>
                          Edit
                        </button>
                        <button
                          type="button"
                          className="btn btn-sm btn-ghost btn-danger"
                          aria-label={`Delete owner ${o.id}`}
                          onClick={() => {
                            setDeleteError(null);
                            ownersApi
                              .remove(o.id)
                              .then(changed, (err: unknown) =>
                                setDeleteError(err instanceof ApiError ? err.detail : String(err)),
                              );
                          }}
                        >
                          Delete
                        </button>
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
            {deleteError ? (
              <p className="form-error" role="alert" aria-label="Delete owner error">
                {deleteError}
              </p>
            ) : null}
            <OwnerForm
              key={owners.data.items.length}
              initial={blank}
              editing={false}
              onSave={async ({ id = '', name = '', ...body }) => {
                // The form starts blank and requires both; the server checks them again.
                await ownersApi.create({ ...body, id, name });
                changed();
              }}
            />
          </section>
          <section className="card owners-card" aria-label="Owner lookup">
            <h2>Owner lookup</h2>
            <p className="muted">
              Which owner hears about each kind of problem when a hand-off's RACI does not name one.
            </p>
            <LookupTable owners={owners.data.items} />
          </section>
        </>
      )}
    </div>
  );
}
