import type { SourceNode } from '@baton/schema';

// One id → node map per `nodes` array (arrays are immutable: a new one per change), shared by all
// node views. Without it each of N node views scans the array on every store update: O(N²) per
// frame while a 500-node graph is dragged.
const indexes = new WeakMap<readonly SourceNode[], Map<string, SourceNode>>();

export function nodeById(nodes: readonly SourceNode[], id: string): SourceNode | undefined {
  let index = indexes.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n) => [n.id, n]));
    indexes.set(nodes, index);
  }
  return index.get(id);
}
