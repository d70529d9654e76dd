import type { SourceNode } from '@baton/schema';
import { SUPPORTED_TRIGGER_MODES, TRIGGER_MODES } from '@baton/nodes';
import { webhookUrl } from '../../api/flows-api';
import { CopyButton } from '../../ui/copy-button';
import { useEditor, useEditorStoreApi } from '../store/editor-store-context';
import { currentSampleRecord } from '../test-run/sample-record';
import { SelectField, Section } from './form-fields';
import {
  BatchSection,
  DEFAULT_SCHEDULE,
  ScheduleFields,
  ScheduleStatusSection,
  type ScheduleSettings,
} from './schedule-fields';
import { useNodeConfig } from './use-node-config';

interface TriggerConfig {
  mode: (typeof TRIGGER_MODES)[number];
  schedule?: ScheduleSettings;
}

const MODE_LABELS: Record<string, string> = {
  webhook: 'Webhook (HTTP POST)',
  manual: 'Manual (from the UI or API)',
  schedule: 'Schedule (pull new rows on a cron)',
  batch: 'Batch upload (CSV or JSONL file)',
};

export function TriggerForm({ node }: { node: SourceNode }) {
  const [config, setConfig] = useNodeConfig<TriggerConfig>(node);
  const flowId = useEditor((s) => s.flowId);
  const store = useEditorStoreApi();
  const url = webhookUrl(flowId);
  const sample = JSON.stringify(currentSampleRecord(flowId, store.getState().source));
  const curl = `curl -X POST ${url} \\\n  -H 'content-type: application/json' \\\n  -d '${sample === '{}' ? '{"id": 1}' : sample}'`;

  return (
    <>
      <Section title="Start">
        <SelectField
          label="Mode"
          value={config.mode ?? 'webhook'}
          options={TRIGGER_MODES.map((mode) => ({
            value: mode,
            label: MODE_LABELS[mode] ?? mode,
            disabled: !SUPPORTED_TRIGGER_MODES.has(mode),
          }))}
          onChange={(mode) =>
            // Only a schedule keeps schedule settings: another mode with them would not validate.
            setConfig(
              mode === 'schedule' ? { mode, schedule: config.schedule ?? DEFAULT_SCHEDULE } : { mode },
            )
          }
        />
      </Section>
      {config.mode === 'schedule' ? (
        <>
          <ScheduleFields
            settings={config.schedule ?? DEFAULT_SCHEDULE}
            onChange={(schedule, coalesce) => setConfig({ ...config, schedule }, coalesce)}
          />
          <ScheduleStatusSection flowId={flowId} />
        </>
      ) : null}
      {config.mode === 'batch' ? <BatchSection flowId={flowId} /> : null}
      {config.mode === 'webhook' || config.mode === undefined ? (
        <Section title="Webhook">
          <div className="field">
            <span className="field-label">URL</span>
            <div className="copy-row">
              <code className="code-chip" aria-label="Webhook URL">
                {url}
              </code>
              <CopyButton text={url} label="Copy webhook URL" />
            </div>
            <span className="field-hint">Runs the published version for each JSON body POSTed here.</span>
          </div>
          <div className="field">
            <span className="field-label">Try it</span>
            <pre className="code-block">{curl}</pre>
            <CopyButton text={curl} label="Copy curl example" />
          </div>
        </Section>
      ) : null}
    </>
  );
}
