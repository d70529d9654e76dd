import { useEffect, useState, type ReactNode } from 'react';
import { ErrorState, Spinner } from '../ui/state-views';
import { LoginPage } from './login-page';
import { useSessionStore } from './session-store';

/** Renders its children only for a signed-in user; otherwise the login page (or why we cannot tell). */
export function AuthGate({ children }: { children: ReactNode }) {
  const session = useSessionStore((s) => s.session);
  const load = useSessionStore((s) => s.load);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    load().catch(setError);
  }, [load, attempt]);

  if (error && session.status === 'loading') {
    return (
      <ErrorState
        title="Cannot reach Baton"
        error={error}
        onRetry={() => {
          setError(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  if (session.status === 'loading') {
    return (
      <div className="state-view">
        <Spinner label="Checking your session" />
      </div>
    );
  }
  if (session.status === 'signed-out') return <LoginPage expired={session.expired} />;
  return <>{children}</>;
}
