import type { NodeKindDefinition } from '../kind-definition.js';
import { compileTrigger } from './compile.js';
import { executeTrigger } from './execute.js';
import { triggerSpec, type TriggerConfig } from './spec.js';

export const triggerKind: NodeKindDefinition<typeof TriggerConfig, unknown> = {
  spec: triggerSpec,
  compile: compileTrigger,
  execute: executeTrigger,
};
