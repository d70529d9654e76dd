import { Link, useParams, useSearchParams } from 'react-router';
import { flowsApi } from '../api/flows-api';
import { useCurrentUser } from '../auth/session-store';
import { ErrorState, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { canEditPlaybook } from './playbook-api';
import { RetroPanel } from './retro-panel';
import { RiskRegister } from './risk-register';
import { RunbookPanel } from './runbook-panel';
import { StatusPanel } from './status-panel';
import './playbook.css';

const TABS = [
  { id: 'risks', label: 'Risks' },
  { id: 'runbook', label: 'Runbook' },
  { id: 'status', label: 'Weekly status' },
  { id: 'retro', label: 'Retrospective' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** A flow's pilot playbook: risk register, runbook, weekly status and retrospective, as tabs. */
export function FlowPlaybookPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: TabId = TABS.find((t) => t.id === params.get('tab'))?.id ?? 'risks';
  const user = useCurrentUser();
  const editable = canEditPlaybook(user.role);
  const flow = useAsync((signal) => flowsApi.get(id, signal), [id]);

  if (flow.status === 'error' && !flow.data)
    return (
      <div className="page">
        <div className="card">
          <ErrorState
            title="Could not load the flow"
            error={flow.error}
            onRetry={flow.reload}
            actions={
              <Link className="btn" to="/">
                Go to flows
              </Link>
            }
          />
        </div>
      </div>
    );

  return (
    <div className="page playbook-page">
      <header className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/">Flows</Link> /{' '}
            <Link to={`/flows/${encodeURIComponent(id)}`}>{flow.data?.name ?? id}</Link>
          </div>
          <h1>Pilot playbook</h1>
          <p>Risks, runbook, weekly status and retrospective for this hand-off.</p>
        </div>
        <Link className="btn" to={`/flows/${encodeURIComponent(id)}`}>
          Open the editor
        </Link>
      </header>
      <div className="playbook-tabs" role="tablist" aria-label="Playbook">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`playbook-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`playbook-panel-${t.id}`}
            className={tab === t.id ? 'playbook-tab is-active' : 'playbook-tab'}
            onClick={() => setParams({ tab: t.id }, { replace: true })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section
        className="card playbook-card"
        role="tabpanel"
        id={`playbook-panel-${tab}`}
        aria-labelledby={`playbook-tab-${tab}`}
      >
        {!flow.data ? (
          <Skeleton height={200} />
        ) : tab === 'risks' ? (
          <RiskRegister flowId={id} editable={editable} />
        ) : tab === 'runbook' ? (
          <RunbookPanel
            flowId={id}
            versions={flow.data.versions}
            editable={editable}
            initialVersion={Number(params.get('version')) || undefined}
          />
        ) : tab === 'status' ? (
          <StatusPanel flowId={id} />
        ) : (
          <RetroPanel flowId={id} editable={editable} />
        )}
      </section>
    </div>
  );
}
