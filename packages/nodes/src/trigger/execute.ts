import type { Static } from '@sinclair/typebox';
import type { ExecuteResult, ExecuteStep } from '../kind-definition.js';
import { isRecordObject } from '../record/field-path.js';
import type { TriggerConfig } from './spec.js';

function admit(input: unknown): ExecuteResult {
  if (!isRecordObject(input)) {
    const got = Array.isArray(input) ? 'an array' : input === null ? 'null' : `a ${typeof input}`;
    return {
      status: 'rejected',
      output: {},
      checks: [
        { rule: 'record_is_object', result: 'fail', message: `The record must be a JSON object, got ${got}` },
      ],
    };
  }
  return { status: 'ok', port: 'out', output: input, checks: [] };
}

/** Receives the record exactly as it arrived; the one step that checks it is a JSON object. */
export const executeTrigger: ExecuteStep<Static<typeof TriggerConfig>, unknown> = (_config, input) =>
  Promise.resolve(admit(input));
