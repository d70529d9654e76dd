import type { FlowSource, Position, SourceEdge, SourceNode } from '@baton/schema';

/**
 * What Copy puts on the clipboard: the chosen nodes, the edges among them (an edge to a node that
 * was not copied would dangle), and their positions. Plain JSON text, so it pastes into another
 * flow, another tab, or a text editor for a look.
 */
export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  nodes: SourceNode[];
  edges: SourceEdge[];
  positions: Record<string, Position>;
}

export const CLIPBOARD_FORMAT = 'baton/nodes@1';

/** How far a paste lands from the original, so the copy is visibly a copy. */
export const PASTE_OFFSET: Position = { x: 40, y: 140 };

export function copySelection(source: FlowSource, nodeIds: readonly string[]): ClipboardPayload | null {
  const chosen = new Set(nodeIds);
  const nodes = source.nodes.filter((n) => chosen.has(n.id));
  if (nodes.length === 0) return null;
  const edges = source.edges.filter((e) => chosen.has(e.source.node) && chosen.has(e.target.node));
  const positions: Record<string, Position> = {};
  for (const node of nodes) {
    const p = source.layout.nodes[node.id];
    if (p) positions[node.id] = { ...p };
  }
  return structuredClone({ format: CLIPBOARD_FORMAT, nodes, edges, positions });
}

export interface IdSource {
  node: () => string;
  edge: () => string;
}

/**
 * The payload with new node and edge ids (from `ids`, so tests can pass a counter), edges
 * pointing at the new ids, positions moved by `offset`. Edge contracts and RACI come along: the
 * agreement belongs to the hand-off being copied.
 */
export function remapPayload(payload: ClipboardPayload, ids: IdSource, offset: Position): ClipboardPayload {
  const nodeIds = new Map(payload.nodes.map((n) => [n.id, ids.node()]));
  const mapped = (id: string) => nodeIds.get(id) ?? id;
  const positions: Record<string, Position> = {};
  payload.nodes.forEach((node, index) => {
    // Nodes copied without a position (unsaved layout) fan out instead of stacking.
    const p = payload.positions[node.id] ?? { x: index * 30, y: index * 30 };
    positions[mapped(node.id)] = { x: p.x + offset.x, y: p.y + offset.y };
  });
  return {
    format: CLIPBOARD_FORMAT,
    nodes: payload.nodes.map((n) => ({ ...structuredClone(n), id: mapped(n.id) })),
    edges: payload.edges.map((e) => ({
      ...structuredClone(e),
      id: ids.edge(),
      source: { ...e.source, node: mapped(e.source.node) },
      target: { ...e.target, node: mapped(e.target.node) },
    })),
    positions,
  };
}

/** The payload in clipboard text, or null for anything else (text from elsewhere pastes nothing). */
export function parseClipboard(text: string): ClipboardPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Partial<ClipboardPayload>;
  if (candidate.format !== CLIPBOARD_FORMAT) return null;
  if (!Array.isArray(candidate.nodes) || !Array.isArray(candidate.edges)) return null;
  if (typeof candidate.positions !== 'object' || candidate.positions === null) return null;
  const wellFormed =
    candidate.nodes.every((n) => typeof n?.id === 'string' && typeof n.kind === 'string') &&
    candidate.edges.every((e) => typeof e?.id === 'string' && typeof e.source?.node === 'string');
  return wellFormed ? (candidate as ClipboardPayload) : null;
}

/** The top-left of the payload's bounding box, to paste a group relative to a chosen point. */
export function payloadOrigin(payload: ClipboardPayload): Position {
  const points = Object.values(payload.positions);
  if (points.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...points.map((p) => p.x)), y: Math.min(...points.map((p) => p.y)) };
}
