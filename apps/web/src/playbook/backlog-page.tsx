import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/session-store';
import { EmptyState, ErrorState, InlineError, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { BacklogTable } from './backlog-table';
import { canEditPlaybook, playbookApi } from './playbook-api';
import './playbook.css';

/** Every flow's post-mortem items in one ranked backlog. */
export function BacklogPage() {
  const user = useCurrentUser();
  const backlog = useAsync(() => playbookApi.backlog(), []);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="page playbook-page">
      <header className="page-header">
        <div>
          <h1>Backlog</h1>
          <p>What the retrospectives asked for, ranked by frequency × impact.</p>
        </div>
        <Link className="btn" to="/playbook">
          Scoping
        </Link>
      </header>
      {error ? <InlineError error={error} /> : null}
      <section className="card playbook-card">
        {backlog.status === 'error' && !backlog.data ? (
          <ErrorState title="Could not load the backlog" error={backlog.error} onRetry={backlog.reload} />
        ) : !backlog.data ? (
          <Skeleton height={120} />
        ) : backlog.data.items.length === 0 ? (
          <EmptyState icon="≣" title="Nothing in the backlog">
            Hold a retrospective on a flow’s Playbook page; its items land here.
          </EmptyState>
        ) : (
          <BacklogTable
            items={backlog.data.items}
            editable={canEditPlaybook(user.role)}
            showFlow
            onChanged={backlog.reload}
            onError={setError}
          />
        )}
      </section>
    </div>
  );
}
