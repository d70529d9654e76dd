import { NODE_KINDS, type NodeKind } from '@baton/schema';
import type { AnyNodeKindDefinition, NodeKindDefinition } from './kind-definition.js';
import { logKind } from './log/index.js';
import type { LogConfig } from './log/spec.js';
import { mappingKind } from './mapping/index.js';
import type { MappingConfig } from './mapping/spec.js';
import { triggerKind } from './trigger/index.js';
import type { TriggerConfig } from './trigger/spec.js';
import { validationKind } from './validation/index.js';
import type { ValidationConfig } from './validation/spec.js';
import { writeKind } from './write/index.js';
import type { WriteConfig } from './write/spec.js';

/** Each kind's definition, typed by its own config: the registry below must hold exactly these. */
export interface KindDefinitions {
  trigger: NodeKindDefinition<typeof TriggerConfig, unknown>;
  mapping: NodeKindDefinition<typeof MappingConfig>;
  validation: NodeKindDefinition<typeof ValidationConfig>;
  write: NodeKindDefinition<typeof WriteConfig>;
  log: NodeKindDefinition<typeof LogConfig>;
}

/**
 * Kind name → definition. Typed over every `NodeKind`, so adding a kind to the schema without
 * defining it here (spec, compile and execute) is a compile error, not a runtime surprise.
 */
export const kindsByName: { readonly [K in NodeKind]: KindDefinitions[K] } = {
  trigger: triggerKind,
  mapping: mappingKind,
  validation: validationKind,
  write: writeKind,
  log: logKind,
};

/** The one list of kinds, in palette order: read by the palette, inspector, compiler and engine. */
export const nodeKinds: readonly AnyNodeKindDefinition[] = NODE_KINDS.map((kind) => kindsByName[kind]);

export function isNodeKind(kind: string): kind is NodeKind {
  return Object.hasOwn(kindsByName, kind);
}

/** The definition of a kind; for a string of unknown origin check `isNodeKind` first. */
export function getKind<K extends NodeKind>(kind: K): KindDefinitions[K] {
  return kindsByName[kind];
}
