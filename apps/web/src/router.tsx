import { lazy, Suspense } from 'react';
import { createBrowserRouter, Link } from 'react-router';
import { AppShell } from './shell/app-shell';
import { AuthGate } from './auth/auth-gate';
import { BatchUploadPage } from './batches/batch-upload-page';
import { ConnectionsPage } from './connections/connections-page';
import { AccountPage } from './governance/account-page';
import { ApprovalsPage } from './governance/approvals-page';
import { AuditPage } from './governance/audit-page';
import { UsersPage } from './governance/users-page';
import { FlowsPage } from './pages/flows-page';
import { InboxPage } from './inbox/inbox-page';
import { MetricsFallback } from './metrics/metrics-fallback';
import { MyFieldsPage } from './my-fields/my-fields-page';
import { OwnersPage } from './owners/owners-page';
import { PlaybookFallback } from './playbook/playbook-fallback';
import { RunsListPage } from './runs/runs-list-page';
import { RunReplayPage } from './runs/run-replay-page';
import { EmptyState, Spinner } from './ui/state-views';

// The editor pulls in React Flow, dnd-kit and the compiler: its own chunk, so the lists load fast.
// The diff draws two React Flow canvases: with the editor's dependencies, in a chunk of its own.
const DiffPage = lazy(() => import('./governance/diff-page').then((m) => ({ default: m.DiffPage })));
// The playbook's pages carry recharts, marked and DOMPurify: loaded when first visited.
const ScopingPage = lazy(() => import('./playbook/scoping-page').then((m) => ({ default: m.ScopingPage })));
const BacklogPage = lazy(() => import('./playbook/backlog-page').then((m) => ({ default: m.BacklogPage })));
const FlowPlaybookPage = lazy(() =>
  import('./playbook/flow-playbook-page').then((m) => ({ default: m.FlowPlaybookPage })),
);
// The metrics pages carry recharts: their own chunk, loaded when first visited.
const FlowMetricsPage = lazy(() =>
  import('./metrics/flow-metrics-page').then((m) => ({ default: m.FlowMetricsPage })),
);
const PortfolioPage = lazy(() =>
  import('./metrics/portfolio-page').then((m) => ({ default: m.PortfolioPage })),
);
const FlowEditorPage = lazy(() =>
  import('./pages/flow-editor-page').then((m) => ({ default: m.FlowEditorPage })),
);

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
    // Signed out, any address shows the login page; after signing in, the page asked for.
    element: (
      <AuthGate>
        <AppShell />
      </AuthGate>
    ),
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
      { path: 'runs', element: <RunsListPage /> },
      { path: 'batches', element: <BatchUploadPage /> },
      { path: 'flows/:id/batches', element: <BatchUploadPage /> },
      { path: 'runs/:id', element: <RunReplayPage /> },
      {
        path: 'flows/:id/versions/:a/diff/:b',
        element: (
          <Suspense fallback={<EditorFallback />}>
            <DiffPage />
          </Suspense>
        ),
      },
      {
        path: 'flows/:id/playbook',
        element: (
          <Suspense fallback={<PlaybookFallback />}>
            <FlowPlaybookPage />
          </Suspense>
        ),
      },
      {
        path: 'playbook',
        element: (
          <Suspense fallback={<PlaybookFallback />}>
            <ScopingPage />
          </Suspense>
        ),
      },
      {
        path: 'playbook/backlog',
        element: (
          <Suspense fallback={<PlaybookFallback />}>
            <BacklogPage />
          </Suspense>
        ),
      },
      {
        path: 'flows/:id/metrics',
        element: (
          <Suspense fallback={<MetricsFallback />}>
            <FlowMetricsPage />
          </Suspense>
        ),
      },
      {
        path: 'metrics',
        element: (
          <Suspense fallback={<MetricsFallback />}>
            <PortfolioPage />
          </Suspense>
        ),
      },
      { path: 'approvals', element: <ApprovalsPage /> },
      { path: 'owners', element: <OwnersPage /> },
      { path: 'connections', element: <ConnectionsPage /> },
      { path: 'my-fields', element: <MyFieldsPage /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
