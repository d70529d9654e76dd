import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { governanceApi, type ChangeStatus, type VersionDiff } from '../api/governance-api';
import { useCurrentUser } from '../auth/session-store';
import { EmptyState, ErrorState, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { WhatIfReportView } from '../runs/what-if-report-view';
import { DiffCanvas } from './diff-canvas';
import { VersionActions } from './version-actions';
import { VersionStateBadge } from './version-state-badge';
import './governance.css';

const show = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value));

function statusMaps(diff: VersionDiff) {
  const nodes = new Map<string, ChangeStatus>(diff.nodes.map((n) => [n.id, n.status]));
  const edges = new Map<string, ChangeStatus>(diff.edges.map((e) => [e.id, e.status]));
  return { nodes, edges };
}

function ChangeLists({ diff }: { diff: VersionDiff }) {
  return (
    <div className="diff-canvases">
      <section className="gov-card" aria-label="Node changes">
        <h2>Nodes</h2>
        {diff.nodes.length === 0 ? <p className="approval-meta">No node changed.</p> : null}
        <ul className="diff-list">
          {diff.nodes.map((n) => (
            <li key={n.id} className={`diff-entry is-${n.status}`}>
              <strong>{n.label}</strong> <span className="approval-meta">{n.kind}</span>{' '}
              <span className="badge">{n.status}</span>
              {n.changes.map((c) => (
                <div key={c.path} className="diff-change">
                  <span>{c.path}</span>
                  <span>
                    <span className="diff-before">{show(c.before)}</span> →{' '}
                    <span className="diff-after">{show(c.after)}</span>
                  </span>
                </div>
              ))}
            </li>
          ))}
        </ul>
      </section>
      <section className="gov-card" aria-label="Contract and RACI changes">
        <h2>Edges: contracts and RACI</h2>
        {diff.edges.length === 0 ? <p className="approval-meta">No edge changed.</p> : null}
        <ul className="diff-list">
          {diff.edges.map((e) => (
            <li key={e.id} className={`diff-entry is-${e.status}`}>
              <strong>edge {e.id}</strong> <span className="badge">{e.status}</span>
              {e.rewired ? <span className="badge badge-info">rewired</span> : null}
              {e.contract.changes.map((c, i) => (
                <div key={i} className="diff-change">
                  <span>{c.field ?? '(contract)'}</span>
                  <span>
                    {c.change.replaceAll('_', ' ')}
                    {c.detail ? ` (${c.detail})` : ''}{' '}
                    <span className={`badge ${c.breaking ? 'badge-danger' : 'badge-success'}`}>
                      {c.breaking ? 'breaking' : 'compatible'}
                    </span>
                  </span>
                </div>
              ))}
              {e.raci.map((r, i) => (
                <div key={`raci-${i}`} className="diff-change">
                  <span>
                    RACI {r.row}.{r.role}
                  </span>
                  <span>
                    <span className="diff-before">{r.before.join(', ') || '—'}</span> →{' '}
                    <span className="diff-after">{r.after.join(', ') || '—'}</span>
                  </span>
                </div>
              ))}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Version a against version b of a flow: both canvases coloured, every change listed, the gate's buttons for b. */
export function DiffPage() {
  const params = useParams();
  const flowId = params['id'] ?? '';
  const a = Number(params['a']);
  const b = Number(params['b']);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'side' | 'overlay'>('side');
  const state = useAsync(
    async (signal) => {
      const [diff, from, to, versions] = await Promise.all([
        governanceApi.diff(flowId, a, b, signal),
        governanceApi.version(flowId, a, signal),
        governanceApi.version(flowId, b, signal),
        governanceApi.versions(flowId, signal),
      ]);
      return { diff, from, to, versions: versions.items };
    },
    [flowId, a, b],
  );
  const maps = useMemo(() => (state.data ? statusMaps(state.data.diff) : null), [state.data]);
  if (state.status === 'error' && !state.data) {
    return (
      <div className="gov-page">
        <ErrorState
          title="Cannot show this diff"
          error={state.error}
          onRetry={state.reload}
          actions={<Link to={`/flows/${encodeURIComponent(flowId)}`}>Back to the flow</Link>}
        />
      </div>
    );
  }
  if (!state.data || !maps)
    return (
      <div className="gov-page">
        <Skeleton height={400} />
      </div>
    );
  const { diff, from, to, versions } = state.data;
  const published = versions.find((v) => v.state === 'published')?.version ?? null;
  const toSummary = versions.find((v) => v.version === b);
  const removed = from.source.nodes.filter((n) => maps.nodes.get(n.id) === 'removed');
  const s = diff.summary;
  return (
    <div className="gov-page">
      <div className="gov-page-head">
        <div>
          <div className="approval-meta">
            <Link to={`/flows/${encodeURIComponent(flowId)}`}>{flowId}</Link> / diff
          </div>
          <h1>
            v{a} → v{b}{' '}
            {diff.breaking ? (
              <span className="badge badge-danger">{s.breakingChanges} breaking</span>
            ) : (
              <span className="badge badge-success">compatible</span>
            )}
          </h1>
          <p>
            {s.nodesAdded} node{s.nodesAdded === 1 ? '' : 's'} added, {s.nodesRemoved} removed,{' '}
            {s.nodesChanged} changed · {s.edgesAdded} edge
            {s.edgesAdded === 1 ? '' : 's'} added, {s.edgesRemoved} removed, {s.edgesChanged} changed
          </p>
        </div>
        <div className="gov-filters">
          <label className="field">
            <span>Compare with</span>
            <select
              className="input"
              value={a}
              onChange={(e) =>
                void navigate(`/flows/${encodeURIComponent(flowId)}/versions/${e.target.value}/diff/${b}`)
              }
            >
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  v{v.version} ({v.state})
                </option>
              ))}
            </select>
          </label>
          <div className="diff-mode" role="tablist" aria-label="Diff layout">
            <button
              type="button"
              role="tab"
              aria-selected={mode === 'side'}
              className={mode === 'side' ? 'is-active' : ''}
              onClick={() => setMode('side')}
            >
              Side by side
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={mode === 'overlay'}
              className={mode === 'overlay' ? 'is-active' : ''}
              onClick={() => setMode('overlay')}
            >
              Overlay
            </button>
          </div>
        </div>
      </div>
      <div className="diff-legend" aria-label="Legend">
        <span>
          <span className="diff-swatch" style={{ background: 'var(--success)' }} />
          added
        </span>
        <span>
          <span className="diff-swatch" style={{ background: 'var(--danger)' }} />
          removed
        </span>
        <span>
          <span className="diff-swatch" style={{ background: 'var(--warning)' }} />
          changed
        </span>
      </div>
      {diff.nodes.length === 0 && diff.edges.length === 0 ? (
        <EmptyState icon="=" title="The two versions are the same">
          Only the layout may differ; it does not count.
        </EmptyState>
      ) : null}
      <div className={`diff-canvases ${mode === 'overlay' ? 'is-overlay' : ''}`}>
        {mode === 'side' ? (
          <div className="diff-pane">
            <h3>
              v{a} <VersionStateBadge state={from.state} />
            </h3>
            <DiffCanvas
              label={`Version ${a}`}
              source={from.source}
              nodeStatus={maps.nodes}
              edgeStatus={maps.edges}
            />
          </div>
        ) : null}
        <div className="diff-pane">
          <h3>
            v{b} <VersionStateBadge state={to.state} />
            {mode === 'overlay' ? (
              <span className="approval-meta">(removed nodes of v{a} drawn dashed)</span>
            ) : null}
          </h3>
          <DiffCanvas
            // A new instance per layout, so the canvas fits the width it now has.
            key={mode}
            label={`Version ${b}`}
            source={to.source}
            nodeStatus={maps.nodes}
            edgeStatus={maps.edges}
            {...(mode === 'overlay' ? { ghosts: removed, ghostLayout: from.source.layout } : {})}
          />
        </div>
      </div>
      {toSummary ? (
        <div className="gov-card" aria-label={`Actions for version ${b}`}>
          <VersionActions
            flowId={flowId}
            version={toSummary}
            user={user}
            publishedVersion={published}
            onChanged={state.reload}
            hideDiff
          />
        </div>
      ) : null}
      {to.changeNote?.whatIf ? (
        <section className="gov-card" aria-label={`What-if report attached to version ${b}`}>
          <h2>What-if report attached to v{b}</h2>
          <p className="approval-meta">
            The draft replayed over the flow's recent runs when it was submitted (nothing was written).
          </p>
          <WhatIfReportView report={to.changeNote.whatIf} compact />
        </section>
      ) : null}
      <ChangeLists diff={diff} />
    </div>
  );
}
