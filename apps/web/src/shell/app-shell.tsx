import { NavLink, Outlet, useMatch } from 'react-router';
import { can } from '../auth/permissions';
import { useCurrentUser } from '../auth/session-store';
import { UserMenu } from '../auth/user-menu';
import './app-shell.css';

type CurrentUser = ReturnType<typeof useCurrentUser>;

interface NavItem {
  to: string;
  /** The link's accessible name and visible text. */
  label: string;
  title: string;
  glyph: string;
  /** Shown only to users it answers true for (the server enforces access either way). */
  visible?: (user: CurrentUser) => boolean;
}

const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Flows', title: 'Flows', glyph: '◇' },
  { to: '/runs', label: 'Runs', title: 'Runs', glyph: '▸' },
  { to: '/batches', label: 'Batches', title: 'Batch upload', glyph: '⇪' },
  { to: '/metrics', label: 'Metrics', title: 'Metrics portfolio', glyph: '◔' },
  { to: '/playbook', label: 'Playbook', title: 'Pilot playbook', glyph: '◫' },
  { to: '/approvals', label: 'Approvals', title: 'Approvals', glyph: '✓' },
  { to: '/my-fields', label: 'My fields', title: 'My fields', glyph: '◎' },
  { to: '/inbox', label: 'Inbox', title: 'Inbox', glyph: '✉' },
  { to: '/owners', label: 'Owners', title: 'Owners', glyph: '☺' },
  {
    to: '/connections',
    label: 'Connections',
    title: 'Connections',
    glyph: '⇄',
    visible: (user) => user.role === 'admin' || user.role === 'analyst',
  },
  { to: '/audit', label: 'Audit log', title: 'Audit log', glyph: '≡' },
  {
    to: '/users',
    label: 'Users',
    title: 'Users',
    glyph: '☺',
    visible: (user) => can(user, 'users.manage').allowed,
  },
];

export function AppShell() {
  // The editor needs the width: there the nav shrinks to an icon rail.
  const compact = useMatch('/flows/:id') !== null;
  const user = useCurrentUser();
  return (
    <div className={`app-shell ${compact ? 'is-compact' : ''}`}>
      <nav className="app-nav" aria-label="Main">
        <div className="app-brand">
          <span className="app-brand-mark" aria-hidden="true">
            ⇢
          </span>
          <span className="app-nav-text">Baton</span>
        </div>
        {NAV_ITEMS.filter((item) => item.visible?.(user) ?? true).map((item) => (
          <NavLink
            key={item.to}
            to={item.to}
            end={item.to === '/'}
            aria-label={item.label}
            title={item.title}
          >
            <span className="app-nav-glyph" aria-hidden="true">
              {item.glyph}
            </span>
            <span className="app-nav-text">{item.label}</span>
          </NavLink>
        ))}
        <div className="app-nav-foot">Hand-offs, made explicit.</div>
        <UserMenu />
      </nav>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
