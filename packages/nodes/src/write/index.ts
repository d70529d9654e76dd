import type { NodeKindDefinition } from '../kind-definition.js';
import { compileWrite } from './compile.js';
import { executeWrite } from './execute.js';
import { writeSpec, type WriteConfig } from './spec.js';

export const writeKind: NodeKindDefinition<typeof WriteConfig> = {
  spec: writeSpec,
  compile: compileWrite,
  execute: executeWrite,
};
