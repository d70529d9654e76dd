import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { flowsApi } from '../api/flows-api';
import type { FlowSummary } from '../api/api-types';
import { EmptyState, ErrorState, Skeleton } from '../ui/state-views';
import { formatRelative, formatDateTime } from '../ui/format-time';
import { useAsync } from '../ui/use-async';
import { NewFlowDialog } from './new-flow-dialog';
import { TemplateDialog } from '../templates/template-dialog';
import './flows-page.css';

export function FlowsPage() {
  const flows = useAsync((signal) => flowsApi.list(signal), []);
  const [creating, setCreating] = useState(false);
  const [fromTemplate, setFromTemplate] = useState(false);
  const navigate = useNavigate();

  const newFlowButton = (
    <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
      + New flow
    </button>
  );

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Flows</h1>
          <p>Each flow is one hand-off between two systems: drawn, agreed, versioned and measured.</p>
        </div>
        <div className="page-header-actions" style={{ display: 'flex', gap: 8 }}>
          <button type="button" className="btn" onClick={() => setFromTemplate(true)}>
            From template…
          </button>
          {newFlowButton}
        </div>
      </header>

      {flows.status === 'error' && !flows.data ? (
        <div className="card">
          <ErrorState title="Could not load flows" error={flows.error} onRetry={flows.reload} />
        </div>
      ) : !flows.data ? (
        <div className="flows-grid" aria-busy="true" aria-label="Loading flows">
          {[0, 1, 2].map((i) => (
            <div key={i} className="card flow-card-skeleton">
              <Skeleton width="60%" height={18} />
              <Skeleton width="35%" />
              <Skeleton width="90%" />
            </div>
          ))}
        </div>
      ) : flows.data.items.length === 0 ? (
        <div className="card">
          <EmptyState icon="◇" title="No flows yet" actions={newFlowButton}>
            A flow describes one hand-off: a trigger, a mapping, validation rules, a write and a log. Create
            one to start drawing.
          </EmptyState>
        </div>
      ) : (
        <ul className="flows-grid" aria-label="Flows" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {flows.data.items.map((flow) => (
            <li key={flow.id}>
              <FlowCard flow={flow} />
            </li>
          ))}
        </ul>
      )}

      {creating ? (
        <NewFlowDialog
          onClose={() => setCreating(false)}
          onCreated={(flow) => {
            setCreating(false);
            void navigate(`/flows/${encodeURIComponent(flow.id)}`);
          }}
        />
      ) : null}
      {fromTemplate ? (
        <TemplateDialog
          onClose={() => setFromTemplate(false)}
          onCreated={(flow) => {
            setFromTemplate(false);
            void navigate(`/flows/${encodeURIComponent(flow.id)}`);
          }}
        />
      ) : null}
    </div>
  );
}

function FlowCard({ flow }: { flow: FlowSummary }) {
  return (
    <Link to={`/flows/${encodeURIComponent(flow.id)}`} className="card flow-card">
      {/* Named by its content (label-in-name): "Open flow <name> …" for screen readers. */}
      <span className="visually-hidden">Open flow </span>
      <div className="flow-card-head">
        <div>
          <h2>{flow.name}</h2>
          <div className="flow-card-id">{flow.id}</div>
        </div>
        {flow.publishedVersion !== null ? (
          <span className="badge badge-success">v{flow.publishedVersion} live</span>
        ) : (
          <span className="badge">draft</span>
        )}
      </div>
      {flow.description ? <p className="flow-card-desc">{flow.description}</p> : null}
      <div className="flow-card-stats">
        <span>
          <strong>{flow.publishedVersion !== null ? `v${flow.publishedVersion}` : '—'}</strong>published
        </span>
        <span>
          <strong>{flow.runCount}</strong>runs
        </span>
        <span title={formatDateTime(flow.updatedAt)}>
          <strong>{formatRelative(flow.updatedAt)}</strong>updated
        </span>
      </div>
    </Link>
  );
}
