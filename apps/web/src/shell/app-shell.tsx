import { NavLink, Outlet, useMatch } from 'react-router';
import './app-shell.css';

export function AppShell() {
  // The editor needs the width: there the nav shrinks to an icon rail.
  const compact = useMatch('/flows/:id') !== null;
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
        <div className="app-nav-foot">Hand-offs, made explicit.</div>
      </nav>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
