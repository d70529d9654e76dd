import { useState } from 'react';
import type { VersionSummary } from '../api/api-types';
import { formatDateTime, formatRelative } from '../ui/format-time';
import { EmptyState, ErrorState, InlineError, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { LazyMarkdownEditor } from './lazy-markdown-editor';
import { MarkdownView } from './markdown-view';
import { playbookApi, type OwnerLookupRow } from './playbook-api';

const STARTER = `# Runbook

## When a record is rejected
1. Open the inbox item and read the failing field.
2. Fix the record at the source and re-send it.

## When the target is down
1. Check the dead letters under Runs.
2. Retry them once the target answers.
`;

function OwnerLookupTable({ rows }: { rows: OwnerLookupRow[] }) {
  return (
    <table className="table" aria-label="Owner lookup">
      <thead>
        <tr>
          <th>Issue category</th>
          <th>Owner</th>
          <th>Contact</th>
          <th>Escalation</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.category}>
            <td>{row.label}</td>
            <td>{row.ownerName ?? <span className="faint">nobody yet</span>}</td>
            <td className="mono">{row.contact ?? <span className="faint">—</span>}</td>
            <td className="playbook-note">{row.escalation}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every saved revision and the versions published with it: the runbook is versioned with the flow. */
function RevisionHistory({ flowId, latest }: { flowId: string; latest: number | null }) {
  // `latest` in the deps: a save reloads the list.
  const revisions = useAsync(() => playbookApi.runbookRevisions(flowId), [flowId, latest]);
  if (!revisions.data || revisions.data.items.length === 0) return null;
  return (
    <>
      <h3 className="playbook-subtitle">Revisions</h3>
      <ol className="runbook-history" aria-label="Runbook revisions">
        {revisions.data.items.map((r) => (
          <li key={r.revision}>
            <strong>Revision {r.revision}</strong>
            <span className="muted">
              {formatDateTime(r.createdAt)}
              {r.author ? ` · ${r.author}` : ''}
            </span>
            {r.versions.map((v) => (
              <span key={v} className="badge badge-success">
                published with v{v}
              </span>
            ))}
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * The flow's runbook: rendered markdown (as of now or of a published version) with the owner
 * lookup beside it; editing opens Monaco and every save keeps a new revision.
 */
export function RunbookPanel({
  flowId,
  versions,
  editable,
  initialVersion,
}: {
  flowId: string;
  versions: VersionSummary[];
  editable: boolean;
  /** Open the runbook as published with this version (a link from the version history). */
  initialVersion?: number | undefined;
}) {
  const [version, setVersion] = useState<number | undefined>(initialVersion);
  const runbook = useAsync(() => playbookApi.runbook(flowId, version), [flowId, version]);
  const [draft, setDraft] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const shipped = versions.filter((v) => v.publishedAt !== null);

  if (runbook.status === 'error' && !runbook.data)
    return <ErrorState title="Could not load the runbook" error={runbook.error} onRetry={runbook.reload} />;
  if (!runbook.data) return <Skeleton height={200} />;
  const data = runbook.data;

  const save = () => {
    if (draft === null) return;
    setSaving(true);
    setSaveError(null);
    playbookApi
      .saveRunbook(flowId, draft)
      .then(() => {
        setDraft(null);
        runbook.reload();
      }, setSaveError)
      .finally(() => setSaving(false));
  };

  return (
    <div className="runbook">
      <div className="runbook-toolbar">
        <label className="runbook-version">
          <span>Show</span>
          <select
            className="select input-sm"
            aria-label="Runbook as of"
            value={version ?? ''}
            disabled={draft !== null}
            onChange={(e) => setVersion(e.target.value ? Number(e.target.value) : undefined)}
          >
            <option value="">Current runbook</option>
            {shipped.map((v) => (
              <option key={v.version} value={v.version}>
                As published with version {v.version}
              </option>
            ))}
          </select>
        </label>
        <span className="muted runbook-meta" aria-label="Runbook revision">
          {data.revision === null
            ? 'No revision'
            : `Revision ${data.revision}${data.savedAt ? ` · saved ${formatRelative(data.savedAt)}` : ''}${data.author ? ` by ${data.author}` : ''}`}
          {version !== undefined && data.latestRevision !== data.revision && data.latestRevision !== null
            ? ` · current is revision ${data.latestRevision}`
            : ''}
        </span>
        {editable && version === undefined ? (
          draft === null ? (
            <button
              type="button"
              className="btn btn-sm btn-primary"
              onClick={() => setDraft(data.body || STARTER)}
            >
              {data.revision === null ? 'Write the runbook' : 'Edit'}
            </button>
          ) : (
            <span className="runbook-actions">
              <button type="button" className="btn btn-sm" onClick={() => setDraft(null)} disabled={saving}>
                Cancel
              </button>
              <button type="button" className="btn btn-sm btn-primary" onClick={save} disabled={saving}>
                {saving ? 'Saving…' : 'Save revision'}
              </button>
            </span>
          )
        ) : null}
      </div>
      {saveError ? <InlineError error={saveError} /> : null}
      {draft !== null ? (
        <div className="runbook-edit">
          <div className="runbook-editor">
            <LazyMarkdownEditor value={draft} onChange={setDraft} ariaLabel="Runbook markdown" />
          </div>
          <div className="runbook-preview">
            <div className="faint runbook-preview-label">Preview</div>
            <MarkdownView source={draft} label="Runbook preview" />
          </div>
        </div>
      ) : data.revision === null ? (
        <EmptyState
          icon="☰"
          title={version === undefined ? 'No runbook yet' : `No runbook with version ${version}`}
        >
          {version === undefined
            ? 'Write down how to run this hand-off: what to do when a record is rejected, the target is down, or a rule is disputed.'
            : 'This version was published before the flow had a runbook.'}
        </EmptyState>
      ) : (
        <MarkdownView source={data.body} label="Runbook" />
      )}
      <h3 className="playbook-subtitle">Owner lookup</h3>
      <OwnerLookupTable rows={data.ownerLookup} />
      <RevisionHistory flowId={flowId} latest={data.latestRevision} />
    </div>
  );
}
