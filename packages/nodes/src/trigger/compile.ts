import type { Static } from '@sinclair/typebox';
import type { Diagnostic } from '@baton/schema';
import type { CompileStep } from '../kind-definition.js';
import { cronSyntaxError } from './cron-syntax.js';
import type { TriggerConfig } from './spec.js';

function scheduleDiagnostics(nodeId: string, config: Static<typeof TriggerConfig>): Diagnostic[] {
  if (config.mode !== 'schedule') return [];
  if (!config.schedule) {
    return [
      {
        code: 'trigger_schedule_missing',
        severity: 'error',
        message: 'A schedule trigger needs a cron expression and a source to pull rows from',
        nodeId,
        path: '/schedule',
      },
    ];
  }
  const problem = cronSyntaxError(config.schedule.cron);
  if (problem === null) return [];
  return [
    {
      code: 'trigger_cron_invalid',
      severity: 'error',
      message: `Invalid cron expression "${config.schedule.cron}": ${problem}`,
      nodeId,
      path: '/schedule/cron',
    },
  ];
}

export const compileTrigger: CompileStep<Static<typeof TriggerConfig>> = ({ nodeId, config }) => ({
  config,
  diagnostics: scheduleDiagnostics(nodeId, config),
  // What a trigger emits is whatever the sender posts; the outgoing edge's contract says more.
  fieldsOut: null,
});
