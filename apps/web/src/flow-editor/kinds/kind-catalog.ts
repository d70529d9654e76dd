import { nodeKinds, type KindSpec } from '@baton/nodes';
import type { NodeKind, SourceNode } from '@baton/schema';

// Everything the editor knows about kinds comes from the one registry in @baton/nodes: palette
// entries, ports and default configs are never repeated here.

const specs = new Map<string, KindSpec>(
  nodeKinds.map((definition) => [definition.spec.kind, definition.spec]),
);

export function kindSpec(kind: string): KindSpec | undefined {
  return specs.get(kind);
}

export const paletteKinds: readonly KindSpec[] = nodeKinds
  .map((definition) => definition.spec as KindSpec)
  .sort((a, b) => a.palette.order - b.palette.order);

/** A new node of a kind with its default config and a label not yet used in the flow. */
export function newNodeOfKind(kind: NodeKind, id: string, existing: readonly SourceNode[]): SourceNode {
  const spec = kindSpec(kind);
  if (!spec) throw new Error(`Unknown node kind ${kind}`);
  const labels = new Set(existing.map((n) => n.label));
  let label = spec.title;
  for (let i = 2; labels.has(label); i += 1) label = `${spec.title} ${i}`;
  return {
    id,
    kind,
    kindVersion: spec.version,
    label,
    config: structuredClone(spec.defaultConfig()) as Record<string, unknown>,
  };
}
