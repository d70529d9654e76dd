import type { FlowSource, Position, SourceNode } from '@baton/schema';
import { defineCommand } from './command';

export interface AddNodeArgs {
  node: SourceNode;
  position: Position;
}

/** Adds a fully formed node (id, kind, default config chosen by the caller) at a canvas position. */
export const addNode = defineCommand<AddNodeArgs>('addNode', (source, { node, position }) => {
  if (source.nodes.some((n) => n.id === node.id)) return source;
  return {
    ...source,
    nodes: [...source.nodes, node],
    layout: { ...source.layout, nodes: { ...source.layout.nodes, [node.id]: roundPosition(position) } },
  };
});

export interface MoveNodesArgs {
  positions: Record<string, Position>;
}

/**
 * Commits node positions. The canvas calls it once at the end of a drag (all dragged nodes at
 * once), so one drag is one undo entry however many pointer moves it took.
 */
export const moveNodes = defineCommand<MoveNodesArgs>('moveNodes', (source, { positions }) => {
  const known = new Set(source.nodes.map((n) => n.id));
  const next = { ...source.layout.nodes };
  let changed = false;
  for (const [id, position] of Object.entries(positions)) {
    if (!known.has(id)) continue;
    const rounded = roundPosition(position);
    const before = next[id];
    if (before && before.x === rounded.x && before.y === rounded.y) continue;
    next[id] = rounded;
    changed = true;
  }
  return changed ? { ...source, layout: { ...source.layout, nodes: next } } : source;
});

export interface RemoveNodesArgs {
  ids: readonly string[];
}

/** Removes nodes with their layout and every edge touching them (no dangling edges left behind). */
export const removeNodes = defineCommand<RemoveNodesArgs>('removeNodes', (source, { ids }) => {
  const gone = new Set(ids);
  if (!source.nodes.some((n) => gone.has(n.id))) return source;
  const layoutNodes = Object.fromEntries(Object.entries(source.layout.nodes).filter(([id]) => !gone.has(id)));
  return {
    ...source,
    nodes: source.nodes.filter((n) => !gone.has(n.id)),
    edges: source.edges.filter((e) => !gone.has(e.source.node) && !gone.has(e.target.node)),
    layout: { ...source.layout, nodes: layoutNodes },
  };
});

export interface RenameNodeArgs {
  id: string;
  label: string;
}

export const renameNode = defineCommand<RenameNodeArgs>('renameNode', (source, { id, label }) =>
  mapNode(source, id, (node) => (node.label === label ? node : { ...node, label })),
);

export interface UpdateNodeConfigArgs {
  id: string;
  config: Record<string, unknown>;
}

/** Replaces a node's config; the compiler (not the command) judges whether it is valid. */
export const updateNodeConfig = defineCommand<UpdateNodeConfigArgs>(
  'updateNodeConfig',
  (source, { id, config }) =>
    mapNode(source, id, (node) => (node.config === config ? node : { ...node, config })),
);

function mapNode(source: FlowSource, id: string, update: (node: SourceNode) => SourceNode): FlowSource {
  let changed = false;
  const nodes = source.nodes.map((node) => {
    if (node.id !== id) return node;
    const next = update(node);
    changed ||= next !== node;
    return next;
  });
  return changed ? { ...source, nodes } : source;
}

function roundPosition(position: Position): Position {
  return { x: Math.round(position.x), y: Math.round(position.y) };
}
