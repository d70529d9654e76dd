import type { Static } from '@sinclair/typebox';
import type { CompileStep } from '../kind-definition.js';
import { SUPPORTED_TRIGGER_MODES, type TriggerConfig } from './spec.js';

export const compileTrigger: CompileStep<Static<typeof TriggerConfig>> = ({ nodeId, config }) => ({
  config,
  diagnostics: SUPPORTED_TRIGGER_MODES.has(config.mode)
    ? []
    : [
        {
          code: 'trigger_mode_unsupported',
          severity: 'error',
          message: `Trigger mode "${config.mode}" is not available yet; use webhook or manual`,
          nodeId,
          path: '/mode',
        },
      ],
  // What a trigger emits is whatever the sender posts; the outgoing edge's contract says more.
  fieldsOut: null,
});
