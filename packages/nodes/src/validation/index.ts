import type { NodeKindDefinition } from '../kind-definition.js';
import { compileValidation } from './compile.js';
import { executeValidation } from './execute.js';
import { validationSpec, type ValidationConfig } from './spec.js';

export const validationKind: NodeKindDefinition<typeof ValidationConfig> = {
  spec: validationSpec,
  compile: compileValidation,
  execute: executeValidation,
};
