import type { Position } from '@baton/schema';
import type { ClipboardPayload } from '../clipboard/clipboard';
import { defineCommand } from './command';

export interface PasteNodesArgs {
  /** Already remapped (`remapPayload`): ids are new, positions are where the copies go. */
  payload: ClipboardPayload;
}

/**
 * Adds copied nodes and the edges among them. Ids were made fresh by the caller; a copy whose id
 * is taken anyway is skipped with its edges rather than overwriting a node. Labels get a number
 * when taken ("Normalise order fields 2"), so the copies are told apart in diagnostics and traces.
 */
export const pasteNodes = defineCommand<PasteNodesArgs>('pasteNodes', (source, { payload }) => {
  const taken = new Set(source.nodes.map((n) => n.id));
  const labels = new Set(source.nodes.map((n) => n.label));
  const nodes = payload.nodes.filter((n) => !taken.has(n.id));
  if (nodes.length === 0) return source;
  const added = new Set(nodes.map((n) => n.id));
  const edgeIds = new Set(source.edges.map((e) => e.id));
  const edges = payload.edges.filter(
    (e) => !edgeIds.has(e.id) && added.has(e.source.node) && added.has(e.target.node),
  );
  const layoutNodes: Record<string, Position> = { ...source.layout.nodes };
  const renamed = nodes.map((node) => {
    const label = freeLabel(node.label, labels);
    labels.add(label);
    const p = payload.positions[node.id];
    if (p) layoutNodes[node.id] = { x: Math.round(p.x), y: Math.round(p.y) };
    return label === node.label ? node : { ...node, label };
  });
  return {
    ...source,
    nodes: [...source.nodes, ...renamed],
    edges: [...source.edges, ...edges],
    layout: { ...source.layout, nodes: layoutNodes },
  };
});

function freeLabel(label: string, labels: Set<string>): string {
  if (!labels.has(label)) return label;
  const base = label.replace(/ \d+$/, '');
  for (let i = 2; ; i += 1) if (!labels.has(`${base} ${i}`)) return `${base} ${i}`;
}

export interface ApplyLayoutArgs {
  positions: Record<string, Position>;
}

/**
 * Auto-layout's result as one undo entry. Unlike `moveNodes` it also fills in nodes that had no
 * position at all (an imported flow), which is the point of laying it out.
 */
export const applyLayout = defineCommand<ApplyLayoutArgs>('applyLayout', (source, { positions }) => {
  const known = new Set(source.nodes.map((n) => n.id));
  const next = { ...source.layout.nodes };
  let changed = false;
  for (const [id, p] of Object.entries(positions)) {
    if (!known.has(id)) continue;
    const before = next[id];
    if (before && before.x === p.x && before.y === p.y) continue;
    next[id] = { x: Math.round(p.x), y: Math.round(p.y) };
    changed = true;
  }
  return changed ? { ...source, layout: { ...source.layout, nodes: next } } : source;
});
