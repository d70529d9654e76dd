import { useState, type FormEvent } from 'react';
import { InlineError, Spinner } from '../ui/state-views';
import { useSessionStore } from './session-store';
import './auth.css';

/** Shown in place of any page while signed out, so after signing in you are where you meant to go. */
export function LoginPage({ expired }: { expired: boolean }) {
  const login = useSessionStore((s) => s.login);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="login-brand" aria-hidden="true">
          ⇢
        </div>
        <h1 id="login-title">Sign in to Baton</h1>
        <p className="login-sub">Hand-offs, made explicit.</p>
        {expired ? (
          <p className="login-note" role="status">
            Your session ended. Sign in again to continue.
          </p>
        ) : null}
        <label className="field">
          <span>Username</span>
          <input
            className="input"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            className="input"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error ? <InlineError error={error} /> : null}
        <button
          type="submit"
          className="btn btn-primary login-submit"
          disabled={busy || !username || !password}
        >
          {busy ? <Spinner label="Signing in" /> : null} Sign in
        </button>
        <p className="login-hint">
          First start? The seeded users <code>admin</code>, <code>analyst</code> and <code>owner</code> share
          the password in <code>BATON_SEED_PASSWORD</code>, or the one in <code>seed-credentials.txt</code> in
          the data folder.
        </p>
      </form>
    </div>
  );
}
