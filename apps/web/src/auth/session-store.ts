import { create } from 'zustand';
import { authApi, type User } from '../api/auth-api';
import { isApiError } from '../api/api-error';
import { onUnauthorized, setCsrfToken } from '../api/http';

export type SessionState =
  | { status: 'loading'; user: null }
  | { status: 'signed-out'; user: null; expired: boolean }
  | { status: 'signed-in'; user: User };

interface SessionStore {
  session: SessionState;
  /** Asks the server who we are (the cookie is httpOnly, so this is the only way to know). */
  load: () => Promise<void>;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

/**
 * The one signed-in user of the tab. Global on purpose: the session is the browser's, not a
 * view's. A 401 from any call signs the tab out (the session expired or was ended elsewhere).
 */
export const useSessionStore = create<SessionStore>((set) => ({
  session: { status: 'loading', user: null },
  load: async () => {
    try {
      const me = await authApi.me();
      setCsrfToken(me.csrfToken);
      set({ session: { status: 'signed-in', user: me.user } });
    } catch (error) {
      if (isApiError(error) && error.status === 401)
        set({ session: { status: 'signed-out', user: null, expired: false } });
      else throw error;
    }
  },
  login: async (username, password) => {
    const { csrfToken, user } = await authApi.login(username, password);
    setCsrfToken(csrfToken);
    set({ session: { status: 'signed-in', user } });
  },
  logout: async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      set({ session: { status: 'signed-out', user: null, expired: false } });
    }
  },
}));

onUnauthorized(() => {
  const { session } = useSessionStore.getState();
  if (session.status === 'signed-in') {
    setCsrfToken(null);
    useSessionStore.setState({ session: { status: 'signed-out', user: null, expired: true } });
  }
});

/** The signed-in user; only for components under the auth gate. */
export function useCurrentUser(): User {
  const session = useSessionStore((s) => s.session);
  if (session.status !== 'signed-in') throw new Error('useCurrentUser outside the auth gate');
  return session.user;
}
