import { useState, type FormEvent } from 'react';
import { authApi, type NewUser, type Role, type User } from '../api/auth-api';
import { ROLE_LABELS } from '../auth/permissions';
import { useCurrentUser } from '../auth/session-store';
import { useOwners } from '../owners/use-owners';
import { formatDateTime } from '../ui/format-time';
import { ErrorState, InlineError, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import './governance.css';

const ROLES: Role[] = ['admin', 'analyst', 'owner', 'viewer'];

function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const empty: NewUser = { username: '', role: 'analyst', password: '', ownerId: null };
  const [draft, setDraft] = useState<NewUser>(empty);
  const [error, setError] = useState<unknown>(null);
  const owners = useOwners();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await authApi.createUser({ ...draft, ownerId: draft.role === 'owner' ? draft.ownerId || null : null });
      setDraft(empty);
      setError(null);
      onCreated();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="gov-card gov-filters" aria-label="New user" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>Username</span>
        <input
          className="input"
          value={draft.username}
          onChange={(e) => setDraft({ ...draft, username: e.target.value })}
          required
        />
      </label>
      <label className="field">
        <span>Role</span>
        <select
          className="input"
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      {draft.role === 'owner' ? (
        <label className="field">
          <span>Owner id</span>
          {/* Picked from the directory: a mistyped id would link the user to no one's fields. */}
          <select
            className="input"
            value={draft.ownerId ?? ''}
            onChange={(e) => setDraft({ ...draft, ownerId: e.target.value || null })}
            required
          >
            <option value="">{owners === null ? 'Loading owners…' : 'Choose an owner'}</option>
            {(owners ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.id})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="field">
        <span>Initial password</span>
        <input
          className="input"
          type="password"
          minLength={8}
          value={draft.password}
          onChange={(e) => setDraft({ ...draft, password: e.target.value })}
          required
        />
      </label>
      <button type="submit" className="btn btn-primary">
        Add user
      </button>
      {error ? <InlineError error={error} /> : null}
    </form>
  );
}

function UserRow({ user, me, onChanged }: { user: User; me: User; onChanged: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const self = user.id === me.id;
  const update = async (patch: Parameters<typeof authApi.updateUser>[1]) => {
    try {
      await authApi.updateUser(user.id, patch);
      setError(null);
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <tr>
      <td>
        <strong>{user.username}</strong>
        <div className="approval-meta">{user.displayName}</div>
      </td>
      <td>
        <select
          className="input"
          aria-label={`Role of ${user.username}`}
          value={user.role}
          disabled={self}
          title={self ? 'You cannot change your own role; ask another admin.' : undefined}
          onChange={(e) => void update({ role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </td>
      <td>{user.ownerId ?? '—'}</td>
      <td>
        {user.disabled ? (
          <span className="badge badge-danger">disabled</span>
        ) : (
          <span className="badge badge-success">active</span>
        )}
      </td>
      <td>{formatDateTime(user.createdAt)}</td>
      <td>
        <button
          type="button"
          className="btn btn-sm"
          disabled={self}
          title={self ? 'You cannot disable yourself.' : undefined}
          onClick={() => void update({ disabled: !user.disabled })}
        >
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
        {error ? <InlineError error={error} /> : null}
      </td>
    </tr>
  );
}

/** Users admin: who may sign in, with which role, and which owner a field owner speaks for. */
export function UsersPage() {
  const me = useCurrentUser();
  const state = useAsync((signal) => authApi.users(signal), []);
  return (
    <div className="gov-page">
      <div className="gov-page-head">
        <div>
          <h1>Users</h1>
          <p>
            Admins approve and publish; analysts draw and submit; field owners sign off their fields; viewers
            read.
          </p>
        </div>
      </div>
      <NewUserForm onCreated={state.reload} />
      {state.status === 'error' && !state.data ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : null}
      {!state.data && state.status !== 'error' ? <Skeleton height={160} /> : null}
      {state.data ? (
        <table className="gov-table" aria-label="Users">
          <thead>
            <tr>
              <th>User</th>
              <th>Role</th>
              <th>Owner id</th>
              <th>Status</th>
              <th>Created</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {state.data.items.map((u) => (
              <UserRow key={u.id} user={u} me={me} onChanged={state.reload} />
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
