import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../api/api-error';
import { can } from '../auth/permissions';
import { useCurrentUser } from '../auth/session-store';
import { EmptyState, ErrorState, InlineError, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { BLANK_CANDIDATE, CandidateForm } from './candidate-form';
import { canEditPlaybook, playbookApi, type Candidate } from './playbook-api';
import { QuadrantBadge } from './quadrant-badge';
import { ScopingChart } from './scoping-chart';
import './playbook.css';

/** The scoping grid: candidate hand-offs, their 2×2 chart, and "make this one a flow". */
export function ScopingPage() {
  const user = useCurrentUser();
  const editable = canEditPlaybook(user.role);
  const createFlow = can(user, 'flow.create');
  const list = useAsync(() => playbookApi.candidates(), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const navigate = useNavigate();

  const act = (p: Promise<unknown>) =>
    p.then(list.reload, (err: unknown) => {
      setActionError(err);
    });

  const makeFlow = (c: Candidate) =>
    playbookApi.createFlow(c.id).then(
      (made) => navigate(`/flows/${encodeURIComponent(made.flowId)}`),
      (err: unknown) => setActionError(err),
    );

  return (
    <div className="page playbook-page">
      <header className="page-header">
        <div>
          <h1>Pilot scoping</h1>
          <p>Candidate hand-offs by how often they happen and what they cost when they go wrong.</p>
        </div>
        <Link className="btn" to="/playbook/backlog">
          Backlog
        </Link>
      </header>

      {list.status === 'error' && !list.data ? (
        <div className="card">
          <ErrorState title="Could not load the candidates" error={list.error} onRetry={list.reload} />
        </div>
      ) : !list.data ? (
        <div className="card" aria-busy="true">
          <Skeleton height={300} />
        </div>
      ) : (
        <>
          <section className="card playbook-card">
            {list.data.items.length === 0 ? (
              <EmptyState icon="◫" title="No candidates yet">
                Add the hand-offs you are considering below; they appear here by frequency and impact, and the
                upper-right quadrant shows where a pilot pays off first.
              </EmptyState>
            ) : (
              <ScopingChart list={list.data} />
            )}
          </section>

          {editable ? (
            <section className="card playbook-card">
              <h2 className="playbook-card-title">Add a candidate</h2>
              <CandidateForm
                initial={BLANK_CANDIDATE}
                label="New candidate"
                submitLabel="Add candidate"
                onSave={(input) => playbookApi.createCandidate(input).then(list.reload)}
              />
            </section>
          ) : null}

          {actionError ? <InlineError error={actionError} /> : null}

          {list.data.items.length > 0 ? (
            <section className="card playbook-card">
              <table className="table" aria-label="Candidates">
                <thead>
                  <tr>
                    <th>Hand-off</th>
                    <th>Systems</th>
                    <th className="num">Per week</th>
                    <th className="num">Impact</th>
                    <th>Quadrant</th>
                    <th>Rationale</th>
                    <th>Flow</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {[...list.data.items]
                    .sort((a, b) => b.frequencyPerWeek * b.impact - a.frequencyPerWeek * a.impact)
                    .map((c) =>
                      editing === c.id ? (
                        <tr key={c.id}>
                          <td colSpan={8}>
                            <CandidateForm
                              initial={c}
                              label={`Edit candidate ${c.name}`}
                              submitLabel="Save"
                              onCancel={() => setEditing(null)}
                              onSave={(input) =>
                                playbookApi.updateCandidate(c.id, input).then(() => {
                                  setEditing(null);
                                  list.reload();
                                })
                              }
                            />
                          </td>
                        </tr>
                      ) : (
                        <tr key={c.id} aria-label={`Candidate ${c.name}`}>
                          <td>
                            <strong>{c.name}</strong>
                            {c.notes ? <div className="muted playbook-note">{c.notes}</div> : null}
                          </td>
                          <td className="mono">
                            {c.systemFrom} → {c.systemTo}
                          </td>
                          <td className="num">{c.frequencyPerWeek}</td>
                          <td className="num">{c.impact}</td>
                          <td>
                            <QuadrantBadge quadrant={c.quadrant} />
                          </td>
                          <td className="playbook-note">{c.rationale || <span className="faint">—</span>}</td>
                          <td>
                            {c.flowId ? (
                              <Link to={`/flows/${encodeURIComponent(c.flowId)}`}>{c.flowId}</Link>
                            ) : (
                              <button
                                type="button"
                                className="btn btn-sm btn-primary"
                                disabled={!createFlow.allowed}
                                title={createFlow.reason ?? `Create a flow named ${c.name}`}
                                onClick={() => void makeFlow(c)}
                              >
                                Create flow
                              </button>
                            )}
                          </td>
                          <td className="playbook-row-actions">
                            {editable ? (
                              <>
                                <button
                                  type="button"
                                  className="btn btn-sm btn-ghost"
                                  onClick={() => setEditing(c.id)}
                                >
                                  Edit
                                </button>
                                <button
                                  type="button"
                                  className="btn btn-sm btn-ghost"
                                  aria-label={`Delete ${c.name}`}
                                  onClick={() => {
                                    if (window.confirm(`Delete the candidate ${c.name}?`))
                                      void act(playbookApi.deleteCandidate(c.id));
                                  }}
                                >
                                  Delete
                                </button>
                              </>
                            ) : null}
                          </td>
                        </tr>
                      ),
                    )}
                </tbody>
              </table>
            </section>
          ) : null}
        </>
      )}
      {list.status === 'error' && list.data ? <p className="form-error">{errorMessage(list.error)}</p> : null}
    </div>
  );
}
