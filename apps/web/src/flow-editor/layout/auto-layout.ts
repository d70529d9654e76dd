import { Graph, layout } from '@dagrejs/dagre';
import type { FlowSource, Position } from '@baton/schema';

/** The size a node has before React Flow measured it (matches .baton-node's CSS width). */
export const DEFAULT_NODE_SIZE = { width: 220, height: 72 };

/**
 * The horizontal gap between a node and the next one in a chain: room for the edge label between
 * them (two short lines, about 110 px wide at zoom 1) so it does not slide under either node. The
 * examples and templates (examples/) use the same spacing.
 */
export const CHAIN_GAP_X = 140;

/** Where the keyboard's "add after" puts the next node of a chain, from the previous one's left. */
export const CHAIN_STEP_X = DEFAULT_NODE_SIZE.width + CHAIN_GAP_X;

export interface LayoutOptions {
  /** Measured node sizes by id; unmeasured nodes use DEFAULT_NODE_SIZE. */
  sizes?: Record<string, { width: number; height: number }>;
  /** Grid to snap the result to (the canvas grid), so a laid-out graph stays on the grid. */
  grid?: number;
}

/**
 * Left-to-right layered layout (dagre), the direction records travel. Pure and deterministic:
 * the same graph gives the same positions, so the undo entry and the unit test agree. Returns
 * top-left corners (React Flow's convention), while dagre gives centres.
 */
export function layoutPositions(source: FlowSource, options: LayoutOptions = {}): Record<string, Position> {
  const grid = options.grid ?? 10;
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: CHAIN_GAP_X, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of source.nodes) {
    const size = options.sizes?.[node.id] ?? DEFAULT_NODE_SIZE;
    g.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of source.edges) {
    if (g.hasNode(edge.source.node) && g.hasNode(edge.target.node))
      g.setEdge(edge.source.node, edge.target.node, {}, edge.id);
  }
  layout(g);
  const positions: Record<string, Position> = {};
  for (const node of source.nodes) {
    const laid = g.node(node.id) as { x: number; y: number; width: number; height: number } | undefined;
    if (!laid) continue;
    positions[node.id] = {
      x: snap(laid.x - laid.width / 2, grid),
      y: snap(laid.y - laid.height / 2, grid),
    };
  }
  return positions;
}

/** True when some node has no saved position: an imported or hand-written flow to lay out. */
export function needsLayout(source: FlowSource): boolean {
  return source.nodes.length > 0 && source.nodes.some((n) => !source.layout.nodes[n.id]);
}

function snap(value: number, grid: number): number {
  return grid > 1 ? Math.round(value / grid) * grid : Math.round(value);
}
