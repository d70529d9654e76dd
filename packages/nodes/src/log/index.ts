import type { NodeKindDefinition } from '../kind-definition.js';
import { compileLog } from './compile.js';
import { executeLog } from './execute.js';
import { logSpec, type LogConfig } from './spec.js';

export const logKind: NodeKindDefinition<typeof LogConfig> = {
  spec: logSpec,
  compile: compileLog,
  execute: executeLog,
};
