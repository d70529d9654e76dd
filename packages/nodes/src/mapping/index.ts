import type { NodeKindDefinition } from '../kind-definition.js';
import { compileMapping } from './compile.js';
import { executeMapping } from './execute.js';
import { mappingSpec, type MappingConfig } from './spec.js';

export const mappingKind: NodeKindDefinition<typeof MappingConfig> = {
  spec: mappingSpec,
  compile: compileMapping,
  execute: executeMapping,
};
