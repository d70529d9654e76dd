import { useState } from 'react';
import { formatDateTime } from '../ui/format-time';
import { EmptyState, ErrorState, InlineError, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { BacklogTable } from './backlog-table';
import { playbookApi, type NewRetrospective } from './playbook-api';

const blankItem = () => ({ title: '', frequency: 3, impact: 3 });

/** The post-mortem form; its items land in the flow's backlog, ranked by frequency × impact. */
export function RetroPanel({ flowId, editable }: { flowId: string; editable: boolean }) {
  const backlog = useAsync(() => playbookApi.backlog(flowId), [flowId]);
  const retros = useAsync(() => playbookApi.retrospectives(flowId), [flowId]);
  const [form, setForm] = useState<NewRetrospective>({ wentWell: '', wentBadly: '', items: [blankItem()] });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const setItem = (i: number, patch: Partial<NewRetrospective['items'][number]>) =>
    setForm({ ...form, items: form.items.map((item, j) => (j === i ? { ...item, ...patch } : item)) });

  return (
    <div className="retro">
      {editable ? (
        <form
          className="retro-form"
          aria-label="Retrospective"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            setSaved(false);
            const items = form.items.filter((i) => i.title.trim() !== '');
            playbookApi.createRetrospective(flowId, { ...form, items }).then(() => {
              setForm({ wentWell: '', wentBadly: '', items: [blankItem()] });
              setSaved(true);
              backlog.reload();
              retros.reload();
            }, setError);
          }}
        >
          <div className="retro-columns">
            <label className="field">
              <span className="field-label">What went well</span>
              <textarea
                className="textarea"
                rows={3}
                aria-label="What went well"
                value={form.wentWell}
                onChange={(e) => setForm({ ...form, wentWell: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field-label">What did not</span>
              <textarea
                className="textarea"
                rows={3}
                aria-label="What did not go well"
                value={form.wentBadly}
                onChange={(e) => setForm({ ...form, wentBadly: e.target.value })}
              />
            </label>
          </div>
          <div className="field-label">Items for the backlog (frequency and impact, 1–5)</div>
          {form.items.map((item, i) => (
            <div className="retro-item" key={i}>
              <input
                className="input input-sm"
                aria-label={`Item ${i + 1}`}
                placeholder="What to change"
                value={item.title}
                onChange={(e) => setItem(i, { title: e.target.value })}
              />
              <select
                className="select input-sm"
                aria-label={`Item ${i + 1} frequency`}
                value={item.frequency}
                onChange={(e) => setItem(i, { frequency: Number(e.target.value) })}
              >
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    frequency {n}
                  </option>
                ))}
              </select>
              <select
                className="select input-sm"
                aria-label={`Item ${i + 1} impact`}
                value={item.impact}
                onChange={(e) => setItem(i, { impact: Number(e.target.value) })}
              >
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    impact {n}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                aria-label={`Remove item ${i + 1}`}
                onClick={() => setForm({ ...form, items: form.items.filter((_, j) => j !== i) })}
              >
                ✕
              </button>
            </div>
          ))}
          <div className="retro-actions">
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => setForm({ ...form, items: [...form.items, blankItem()] })}
            >
              Add item
            </button>
            <button type="submit" className="btn btn-sm btn-primary">
              Save retrospective
            </button>
            {saved ? (
              <span className="muted" role="status">
                Saved; its items are in the backlog below.
              </span>
            ) : null}
          </div>
          {error ? <InlineError error={error} /> : null}
        </form>
      ) : null}
      <h3 className="playbook-subtitle">Backlog</h3>
      {backlog.status === 'error' && !backlog.data ? (
        <ErrorState title="Could not load the backlog" error={backlog.error} onRetry={backlog.reload} />
      ) : !backlog.data ? (
        <Skeleton height={80} />
      ) : backlog.data.items.length === 0 ? (
        <EmptyState icon="≣" title="The backlog is empty">
          Items from this flow’s retrospectives appear here, most frequent and costly first.
        </EmptyState>
      ) : (
        <BacklogTable
          items={backlog.data.items}
          editable={editable}
          showFlow={false}
          onChanged={backlog.reload}
          onError={setError}
        />
      )}
      {retros.data && retros.data.items.length > 0 ? (
        <>
          <h3 className="playbook-subtitle">Past retrospectives</h3>
          <ul className="retro-history" aria-label="Past retrospectives">
            {retros.data.items.map((r) => (
              <li key={r.id}>
                <div className="faint">
                  {formatDateTime(r.createdAt)}
                  {r.author ? ` · ${r.author}` : ''} · {r.items.length} item{r.items.length === 1 ? '' : 's'}
                </div>
                {r.wentWell ? (
                  <p>
                    <strong>Went well:</strong> {r.wentWell}
                  </p>
                ) : null}
                {r.wentBadly ? (
                  <p>
                    <strong>Did not:</strong> {r.wentBadly}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
