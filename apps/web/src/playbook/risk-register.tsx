import { useState } from 'react';
import { useOwners } from '../owners/use-owners';
import { EmptyState, ErrorState, InlineError, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { playbookApi, RISK_STATUSES, type Risk, type RiskInput } from './playbook-api';

const SCORES = [1, 2, 3, 4, 5];

function scoreClass(score: number): string {
  if (score >= 15) return 'risk-score risk-score-high';
  if (score >= 8) return 'risk-score risk-score-mid';
  return 'risk-score';
}

/** A text cell edited in place; saves on blur when the text changed. */
function InlineText({
  value,
  label,
  disabled,
  multiline,
  onSave,
}: {
  value: string;
  label: string;
  disabled: boolean;
  multiline?: boolean;
  onSave: (next: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [focused, setFocused] = useState(false);
  // The list reloads after every edit (it re-sorts): take the saved value unless this cell is
  // being typed in, so a reload never throws away what someone is writing.
  if (value !== seen) {
    setSeen(value);
    if (!focused) setDraft(value);
  }
  const props = {
    className: multiline ? 'textarea input-sm risk-text' : 'input input-sm risk-text',
    'aria-label': label,
    value: draft,
    disabled,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      if (draft.trim() !== value && draft.trim() !== '') onSave(draft.trim());
      else setDraft(value);
    },
  };
  return multiline ? <textarea rows={3} {...props} /> : <input {...props} />;
}

/** The risk register of one flow, highest likelihood × impact first, every cell edited in place. */
export function RiskRegister({ flowId, editable }: { flowId: string; editable: boolean }) {
  const risks = useAsync(() => playbookApi.risks(flowId), [flowId]);
  const owners = useOwners() ?? [];
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState({ risk: '', likelihood: 3, impact: 3 });

  const patch = (risk: Risk, body: RiskInput) =>
    playbookApi.updateRisk(flowId, risk.id, body).then(risks.reload, setError);

  if (risks.status === 'error' && !risks.data)
    return <ErrorState title="Could not load the risks" error={risks.error} onRetry={risks.reload} />;
  if (!risks.data) return <Skeleton height={160} />;

  return (
    <div className="risk-register">
      {editable ? (
        <form
          className="risk-add"
          aria-label="New risk"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            playbookApi.createRisk(flowId, draft).then(() => {
              setDraft({ risk: '', likelihood: 3, impact: 3 });
              risks.reload();
            }, setError);
          }}
        >
          <input
            className="input input-sm"
            aria-label="Risk"
            placeholder="What could go wrong"
            required
            value={draft.risk}
            onChange={(e) => setDraft({ ...draft, risk: e.target.value })}
          />
          <label className="risk-add-score">
            Likelihood
            <select
              className="select input-sm"
              aria-label="New risk likelihood"
              value={draft.likelihood}
              onChange={(e) => setDraft({ ...draft, likelihood: Number(e.target.value) })}
            >
              {SCORES.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <label className="risk-add-score">
            Impact
            <select
              className="select input-sm"
              aria-label="New risk impact"
              value={draft.impact}
              onChange={(e) => setDraft({ ...draft, impact: Number(e.target.value) })}
            >
              {SCORES.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn-sm btn-primary">
            Add risk
          </button>
        </form>
      ) : null}
      {error ? <InlineError error={error} /> : null}
      {risks.data.items.length === 0 ? (
        <EmptyState icon="⚑" title="No risks recorded">
          Note what could stop this hand-off: a downtime window, a missing owner, a schema change.
        </EmptyState>
      ) : (
        <table className="table risk-table" aria-label="Risk register">
          <thead>
            <tr>
              <th className="num">Score</th>
              <th>Risk</th>
              <th>Likelihood</th>
              <th>Impact</th>
              <th>Mitigation</th>
              <th>Owner</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {risks.data.items.map((r) => (
              <tr
                key={r.id}
                aria-label={`Risk ${r.risk}`}
                className={r.status === 'open' ? '' : 'risk-settled'}
              >
                <td className="num">
                  <span className={scoreClass(r.score)} aria-label={`Score ${r.score}`}>
                    {r.score}
                  </span>
                </td>
                <td>
                  <InlineText
                    value={r.risk}
                    label="Risk text"
                    multiline
                    disabled={!editable}
                    onSave={(risk) => void patch(r, { risk })}
                  />
                </td>
                <td>
                  <select
                    className="select input-sm"
                    aria-label="Likelihood"
                    disabled={!editable}
                    value={r.likelihood}
                    onChange={(e) => void patch(r, { likelihood: Number(e.target.value) })}
                  >
                    {SCORES.map((n) => (
                      <option key={n}>{n}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    className="select input-sm"
                    aria-label="Impact"
                    disabled={!editable}
                    value={r.impact}
                    onChange={(e) => void patch(r, { impact: Number(e.target.value) })}
                  >
                    {SCORES.map((n) => (
                      <option key={n}>{n}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <InlineText
                    value={r.mitigation}
                    label="Mitigation"
                    multiline
                    disabled={!editable}
                    onSave={(mitigation) => void patch(r, { mitigation })}
                  />
                </td>
                <td>
                  <select
                    className="select input-sm"
                    aria-label="Owner"
                    disabled={!editable}
                    value={r.ownerId ?? ''}
                    onChange={(e) => void patch(r, { ownerId: e.target.value || null })}
                  >
                    <option value="">— nobody —</option>
                    {owners.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    className="select input-sm"
                    aria-label="Status"
                    disabled={!editable}
                    value={r.status}
                    onChange={(e) => void patch(r, { status: e.target.value as Risk['status'] })}
                  >
                    {RISK_STATUSES.map((s) => (
                      <option key={s}>{s}</option>
                    ))}
                  </select>
                </td>
                <td>
                  {editable ? (
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost"
                      aria-label={`Delete risk ${r.risk}`}
                      onClick={() => void playbookApi.deleteRisk(flowId, r.id).then(risks.reload, setError)}
                    >
                      ✕
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
