import { useState, type FormEvent } from 'react';
import { authApi } from '../api/auth-api';
import { useCurrentUser } from '../auth/session-store';
import { CopyButton } from '../ui/copy-button';
import { formatDateTime } from '../ui/format-time';
import { ErrorState, InlineError, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import './governance.css';

/** Personal API tokens for scripts: created here, shown once, revocable. */
export function AccountPage() {
  const user = useCurrentUser();
  const state = useAsync(() => authApi.tokens(), []);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const token = await authApi.createToken(name.trim());
      setCreated(token.token);
      setName('');
      state.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="gov-page">
      <div className="gov-page-head">
        <div>
          <h1>API tokens</h1>
          <p>
            Signed in as <strong>{user.username}</strong>. Scripts send a token as{' '}
            <code>Authorization: Bearer …</code>; it acts with your role.
          </p>
        </div>
      </div>
      <form className="gov-card gov-filters" onSubmit={(e) => void create(e)} aria-label="New token">
        <label className="field">
          <span>Token name</span>
          <input
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. CRM sync script"
            required
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
          Create token
        </button>
        {error ? <InlineError error={error} /> : null}
      </form>
      {created ? (
        <div className="gov-card" role="status">
          <strong>Copy this token now: it is shown only once.</strong>
          <div className="copy-row">
            <code className="code-chip">{created}</code>
            <CopyButton text={created} label="Copy token" />
          </div>
        </div>
      ) : null}
      {state.status === 'error' && !state.data ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : null}
      {!state.data && state.status !== 'error' ? <Skeleton height={100} /> : null}
      {state.data ? (
        <table className="gov-table" aria-label="Tokens">
          <thead>
            <tr>
              <th>Name</th>
              <th>Starts with</th>
              <th>Created</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {state.data.items.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td className="hash-cell">{t.prefix}…</td>
                <td>{formatDateTime(t.createdAt)}</td>
                <td>{formatDateTime(t.lastUsedAt)}</td>
                <td>
                  {t.revokedAt ? (
                    <span className="badge">revoked</span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-sm btn-danger"
                      onClick={() => void authApi.revokeToken(t.id).then(state.reload)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
