import { NavLink, Outlet, useMatch } from 'react-router';
import { can } from '../auth/permissions';
import { useCurrentUser } from '../auth/session-store';
import { UserMenu } from '../auth/user-menu';
import './app-shell.css';

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
        <NavLink to="/" end aria-label="Flows" title="Flows">
          <span className="app-nav-glyph" aria-hidden="true">
            ◇
          </span>
          <span className="app-nav-text">Flows</span>
        </NavLink>
        <NavLink to="/runs" aria-label="Runs" title="Runs">
          <span className="app-nav-glyph" aria-hidden="true">
            ▸
          </span>
          <span className="app-nav-text">Runs</span>
        </NavLink>
        <NavLink to="/batches" aria-label="Batches" title="Batch upload">
          <span className="app-nav-glyph" aria-hidden="true">
            ⇪
          </span>
          <span className="app-nav-text">Batches</span>
        </NavLink>
        <NavLink to="/metrics" aria-label="Metrics" title="Metrics portfolio">
          <span className="app-nav-glyph" aria-hidden="true">
            ◔
          </span>
          <span className="app-nav-text">Metrics</span>
        </NavLink>
        <NavLink to="/playbook" aria-label="Playbook" title="Pilot playbook">
          <span className="app-nav-glyph" aria-hidden="true">
            ◫
          </span>
          <span className="app-nav-text">Playbook</span>
        </NavLink>
        <NavLink to="/approvals" aria-label="Approvals" title="Approvals">
          <span className="app-nav-glyph" aria-hidden="true">
            ✓
          </span>
          <span className="app-nav-text">Approvals</span>
        </NavLink>
        <NavLink to="/my-fields" aria-label="My fields" title="My fields">
          <span className="app-nav-glyph" aria-hidden="true">
            ◎
          </span>
          <span className="app-nav-text">My fields</span>
        </NavLink>
        <NavLink to="/inbox" aria-label="Inbox" title="Inbox">
          <span className="app-nav-glyph" aria-hidden="true">
            ✉
          </span>
          <span className="app-nav-text">Inbox</span>
        </NavLink>
        <NavLink to="/owners" aria-label="Owners" title="Owners">
          <span className="app-nav-glyph" aria-hidden="true">
            ☺
          </span>
          <span className="app-nav-text">Owners</span>
        </NavLink>
        {user.role === 'admin' || user.role === 'analyst' ? (
          <NavLink to="/connections" aria-label="Connections" title="Connections">
            <span className="app-nav-glyph" aria-hidden="true">
              ⇄
            </span>
            <span className="app-nav-text">Connections</span>
          </NavLink>
        ) : null}
        <NavLink to="/audit" aria-label="Audit log" title="Audit log">
          <span className="app-nav-glyph" aria-hidden="true">
            ≡
          </span>
          <span className="app-nav-text">Audit log</span>
        </NavLink>
        {can(user, 'users.manage').allowed ? (
          <NavLink to="/users" aria-label="Users" title="Users">
            <span className="app-nav-glyph" aria-hidden="true">
              ☺
            </span>
            <span className="app-nav-text">Users</span>
          </NavLink>
        ) : null}
        <div className="app-nav-foot">Hand-offs, made explicit.</div>
        <UserMenu />
      </nav>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
