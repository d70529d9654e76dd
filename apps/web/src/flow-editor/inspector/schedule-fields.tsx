import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type * as Api from '@baton/schema/api';
import type { Static } from '@baton/schema/api';
import { request } from '../../api/http';
import { errorMessage } from '../../api/api-error';
import { formatDateTime, formatRelative } from '../../ui/format-time';
import { useAsync } from '../../ui/use-async';
import { SelectField, Section, TextField } from './form-fields';
import './trigger-form.css';

export type ScheduleSource =
  | { kind: 'sql'; connection: string; query: string; cursorColumn: string; limit?: number }
  | { kind: 'http'; url: string; cursorField: string; limit?: number };

export interface ScheduleSettings {
  cron: string;
  timezone?: string;
  source: ScheduleSource;
}

// Answers of the schedule API, derived from the server's schemas (see api/api-types.ts).
type CronPreview = Static<typeof Api.CronPreview>;
type ScheduleStatus = Static<typeof Api.ScheduleStatus>;

export const DEFAULT_SCHEDULE: ScheduleSettings = {
  cron: '*/15 * * * *',
  source: { kind: 'sql', connection: '', query: 'SELECT * FROM orders', cursorColumn: 'id', limit: 100 },
};

/** "Mon 30 Nov, 09:15": the next fire times in the reader's own zone. */
function human(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** croner's reading of the expression, asked of the server a moment after typing stops. */
function useCronPreview(cron: string, timezone: string | undefined) {
  const [preview, setPreview] = useState<CronPreview | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      request<CronPreview>('/api/schedules/preview', {
        method: 'POST',
        body: { cron, ...(timezone ? { timezone } : {}) } satisfies Static<typeof Api.CronPreviewBody>,
        signal: controller.signal,
      })
        .then(setPreview)
        .catch(() => setPreview(null));
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [cron, timezone]);
  return preview;
}

export function ScheduleFields({
  settings,
  onChange,
}: {
  settings: ScheduleSettings;
  onChange: (next: ScheduleSettings, coalesce?: string) => void;
}) {
  const preview = useCronPreview(settings.cron, settings.timezone);
  const source = settings.source;
  const setSource = (next: ScheduleSource, key: string) => onChange({ ...settings, source: next }, key);
  return (
    <Section title="Schedule">
      <TextField
        label="Cron"
        mono
        value={settings.cron}
        onChange={(cron) => onChange({ ...settings, cron }, 'cron')}
        hint="minute hour day month weekday (a sixth leading field is seconds), or @hourly, @daily…"
      />
      <div className="field" data-testid="cron-preview">
        <span className="field-label">Next runs</span>
        {preview === null ? (
          <span className="field-hint">…</span>
        ) : preview.valid ? (
          <ul className="cron-preview">
            {preview.nextRuns.map((at) => (
              <li key={at}>{human(at)}</li>
            ))}
          </ul>
        ) : (
          <span className="field-error">{preview.error}</span>
        )}
      </div>
      <TextField
        label="Time zone"
        value={settings.timezone ?? ''}
        placeholder="the server's (e.g. Europe/Amsterdam)"
        onChange={(tz) => {
          const { timezone: _drop, ...rest } = settings;
          onChange(tz ? { ...rest, timezone: tz } : rest, 'timezone');
        }}
      />
      <SelectField
        label="Source"
        value={source.kind}
        options={[
          { value: 'sql', label: 'SQL query (cursor column)' },
          { value: 'http', label: 'HTTP GET returning a JSON array' },
        ]}
        onChange={(kind) =>
          setSource(
            kind === 'sql'
              ? { kind: 'sql', connection: '', query: 'SELECT * FROM orders', cursorColumn: 'id', limit: 100 }
              : { kind: 'http', url: 'https://', cursorField: 'id', limit: 100 },
            'source-kind',
          )
        }
      />
      {source.kind === 'sql' ? (
        <>
          <TextField
            label="Connection"
            value={source.connection}
            placeholder="a postgres or sqlite-embedded connection"
            onChange={(connection) => setSource({ ...source, connection }, 'connection')}
          />
          <TextField
            label="Query"
            mono
            multiline
            value={source.query}
            onChange={(query) => setSource({ ...source, query }, 'query')}
            hint="Rows after the stored cursor are added outside it: no WHERE on the cursor, ORDER BY or LIMIT needed."
          />
          <TextField
            label="Cursor column"
            mono
            value={source.cursorColumn}
            onChange={(cursorColumn) => setSource({ ...source, cursorColumn }, 'cursor')}
            hint="Increasing and unique, e.g. an id or a sequence."
          />
        </>
      ) : (
        <>
          <TextField
            label="URL"
            mono
            value={source.url}
            onChange={(url) => setSource({ ...source, url }, 'url')}
          />
          <TextField
            label="Cursor field"
            mono
            value={source.cursorField}
            onChange={(cursorField) => setSource({ ...source, cursorField }, 'cursor')}
          />
        </>
      )}
      <TextField
        label="Rows per tick"
        value={String(source.limit ?? 100)}
        onChange={(text) => {
          const limit = Number(text);
          if (Number.isInteger(limit) && limit > 0) setSource({ ...source, limit }, 'limit');
        }}
      />
    </Section>
  );
}

/** The PUBLISHED version's schedule as the server runs it (the draft above may differ). */
export function ScheduleStatusSection({ flowId }: { flowId: string }) {
  const status = useAsync(
    (signal) => request<ScheduleStatus>(`/api/flows/${encodeURIComponent(flowId)}/schedule`, { signal }),
    [flowId],
  );
  const [tick, setTick] = useState<string | null>(null);
  const runNow = async () => {
    setTick('Running…');
    try {
      const r = await request<Static<typeof Api.ScheduleTickAnswer>>(
        `/api/flows/${encodeURIComponent(flowId)}/schedule/run-now`,
        {
          method: 'POST',
        },
      );
      setTick(`Started ${r.started} run${r.started === 1 ? '' : 's'}`);
    } catch (error) {
      setTick(errorMessage(error));
    }
    status.reload();
  };
  const s = status.data;
  return (
    <Section title="Status (published version)">
      {status.status === 'error' ? (
        <span className="field-error">{errorMessage(status.error)}</span>
      ) : !s ? (
        <span className="field-hint">Loading…</span>
      ) : !s.configured ? (
        <span className="field-hint">
          Not running: the published version has no schedule trigger. Publish this draft to start it.
        </span>
      ) : (
        <dl className="schedule-status">
          <dt>State</dt>
          <dd>
            {s.running
              ? 'ticking now'
              : s.active
                ? `active (v${s.version})`
                : 'fired by the cluster scheduler'}
          </dd>
          <dt>Next</dt>
          <dd>{s.nextRuns[0] ? formatDateTime(s.nextRuns[0]) : '—'}</dd>
          <dt>Last tick</dt>
          <dd>{s.lastTickAt ? `${formatRelative(s.lastTickAt)} · ${s.lastStarted} started` : 'never'}</dd>
          <dt>Cursor</dt>
          <dd className="mono">{s.cursor === null ? '—' : String(s.cursor)}</dd>
          <dt>Total</dt>
          <dd>{s.totalStarted} runs</dd>
          {s.lastError ? (
            <>
              <dt>Last error</dt>
              <dd className="field-error">{s.lastError}</dd>
            </>
          ) : null}
        </dl>
      )}
      {s?.configured ? (
        <div className="copy-row">
          <button type="button" className="btn btn-sm" onClick={() => void runNow()}>
            Run now
          </button>
          {tick ? <span className="field-hint">{tick}</span> : null}
        </div>
      ) : null}
    </Section>
  );
}

export function BatchSection({ flowId }: { flowId: string }) {
  return (
    <Section title="Batch upload">
      <span className="field-hint">
        Upload a CSV or JSON Lines file; each row runs through the published version.
      </span>
      <Link className="btn btn-sm" to={`/flows/${encodeURIComponent(flowId)}/batches`}>
        Open batch upload
      </Link>
    </Section>
  );
}
