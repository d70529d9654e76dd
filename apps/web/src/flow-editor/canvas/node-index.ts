import type { SourceEdge, SourceNode } from '@baton/schema';

// One id → element map per `nodes` / `edges` array (arrays are immutable: a new one per change),
// shared by all node and edge views. Without it each of N views scans the array on every store
// update: O(N²) per frame while a 500-node, 600-edge graph is dragged.
const indexes = new WeakMap<readonly { id: string }[], Map<string, { id: string }>>();

function byId<T extends { id: string }>(items: readonly T[], id: string): T | undefined {
  let index = indexes.get(items);
  if (!index) {
    index = new Map(items.map((item) => [item.id, item]));
    indexes.set(items, index);
  }
  return index.get(id) as T | undefined;
}

export function nodeById(nodes: readonly SourceNode[], id: string): SourceNode | undefined {
  return byId(nodes, id);
}

export function edgeById(edges: readonly SourceEdge[], id: string): SourceEdge | undefined {
  return byId(edges, id);
}
