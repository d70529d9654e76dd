import { lazy, Suspense } from 'react';
import { createBrowserRouter, Link } from 'react-router';
import { AppShell } from './shell/app-shell';
import { FlowsPage } from './pages/flows-page';
import { RunsPage } from './pages/runs-page';
import { RunDetailPage } from './pages/run-detail-page';
import { EmptyState, Spinner } from './ui/state-views';

// The editor pulls in React Flow, dnd-kit and the compiler: its own chunk, so the lists load fast.
const FlowEditorPage = lazy(() => import('./pages/flow-editor-page').then((m) => ({ default: m.FlowEditorPage })));

function EditorFallback() {
  return (
    <div className="state-view">
      <Spinner label="Loading the editor" />
      <span>Loading the editor…</span>
    </div>
  );
}

function NotFound() {
  return (
    <EmptyState
      icon="?"
      title="Page not found"
      actions={
        <Link className="btn" to="/">
          Go to flows
        </Link>
      }
    >
      There is nothing at this address.
    </EmptyState>
  );
}

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <FlowsPage /> },
      {
        path: 'flows/:id',
        element: (
          <Suspense fallback={<EditorFallback />}>
            <FlowEditorPage />
          </Suspense>
        ),
      },
      { path: 'runs', element: <RunsPage /> },
      { path: 'runs/:id', element: <RunDetailPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
