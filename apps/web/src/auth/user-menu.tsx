import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS } from './permissions';
import { useCurrentUser, useSessionStore } from './session-store';

/** Who is signed in, with their role, and the way out. */
export function UserMenu() {
  const user = useCurrentUser();
  const logout = useSessionStore((s) => s.logout);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);

  return (
    <div className="user-menu" ref={ref}>
      <button
        type="button"
        className="user-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        title={`${user.displayName} · ${ROLE_LABELS[user.role]}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="user-avatar" aria-hidden="true">
          {user.displayName.slice(0, 1).toUpperCase()}
        </span>
        {/* Named by its content, so the name contains the visible text (label-in-name). */}
        <span className="visually-hidden">{`User menu: ${user.username} (${ROLE_LABELS[user.role]}) `}</span>
        <span className="app-nav-text user-menu-text">
          <span className="user-menu-name">{user.displayName}</span>
          <span className="user-menu-role">{ROLE_LABELS[user.role]}</span>
        </span>
      </button>
      {open ? (
        <div className="user-menu-popup" role="menu">
          <div className="user-menu-head">
            <strong>{user.username}</strong>
            <span>
              {ROLE_LABELS[user.role]}
              {user.ownerId ? ` · owns ${user.ownerId}` : ''}
            </span>
          </div>
          <Link role="menuitem" to="/account" onClick={() => setOpen(false)}>
            API tokens
          </Link>
          <button type="button" role="menuitem" onClick={() => void logout()}>
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
