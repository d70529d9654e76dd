import { getBezierPath, Position, type InternalNode, type Node } from '@xyflow/react';
import type { SourceEdge, SourceNode } from '@baton/schema';
import { compactLabel } from '../level-of-detail';
import { nodeById } from '../node-index';

/**
 * What the sketch of a large flow draws while its view moves or nodes are dragged (flow-sketch.tsx):
 * every node as its compact body and every edge as a solid curve, in flow coordinates, gathered
 * once per gesture (and again if the graph changes during it); in a drag, all but the dragged nodes
 * and their edges. The look is canvas.css's compact body ("Level of
 * detail"); the geometry is React Flow's own (measured sizes, handle places, bezier curves).
 */

/** The colours the sketch paints with, resolved from the page's CSS variables (sketch-palette.ts). */
export interface SketchPalette {
  text: string;
  border: string;
  surface: string;
  accent: string;
  danger: string;
  warning: string;
  edge: string;
  /** Per node kind: the kind colour and the body's tint of it (12 % on the surface colour). */
  kinds: Record<string, { color: string; tint: string }>;
  fallbackKind: { color: string; tint: string };
}

export type SketchState = 'plain' | 'selected' | 'error' | 'warning';

export interface SketchNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  tint: string;
  label: string;
  state: SketchState;
  /** Handle centres, in flow coordinates. */
  handles: { x: number; y: number }[];
}

export interface SketchEdge {
  /** The SVG path of the curve. */
  path: string;
  /** Bounds of the curve (its control polygon), for culling. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface SketchScene {
  nodes: SketchNode[];
  /** Edges grouped by how they are stroked, drawn in `EDGE_STATES` order (selected last, on top). */
  edges: Record<SketchState, SketchEdge[]>;
  palette: SketchPalette;
}

export interface SketchInput {
  nodeLookup: ReadonlyMap<string, InternalNode<Node>>;
  /** The document's edges: React Flow is handed none while the sketch shows. */
  edges: readonly SourceEdge[];
  /** The editor's selection (React Flow's copy of it can lag behind by a render). */
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  documentNodes: readonly SourceNode[];
  diagnosticCounts: Readonly<Record<string, { errors: number; warnings: number } | undefined>>;
  palette: SketchPalette;
  /**
   * Nodes React Flow draws itself during the gesture (the ones a drag moves, use-view-sketch.ts):
   * left out, with every edge attached to them. None for a pan or zoom.
   */
  leaveOut?: ReadonlySet<string> | null;
}

type HandleBound = NonNullable<InternalNode['internals']['handleBounds']>['source'] extends
  (infer H)[] | null | undefined
  ? H
  : never;

export const EDGE_STATES: readonly SketchState[] = ['plain', 'warning', 'error', 'selected'];

export function buildSketchScene(input: SketchInput): SketchScene {
  const { nodeLookup, palette } = input;
  const leaveOut = input.leaveOut ?? null;
  const nodes: SketchNode[] = [];
  for (const node of nodeLookup.values()) {
    if (leaveOut?.has(node.id)) continue;
    const width = node.measured.width ?? 0;
    const height = node.measured.height ?? 0;
    if (!width || !height) continue;
    const { x, y } = node.internals.positionAbsolute;
    const look = palette.kinds[node.type ?? ''] ?? palette.fallbackKind;
    const doc = nodeById(input.documentNodes, node.id);
    const handles: { x: number; y: number }[] = [];
    for (const handle of [
      ...(node.internals.handleBounds?.target ?? []),
      ...(node.internals.handleBounds?.source ?? []),
    ]) {
      handles.push({ x: x + handle.x + handle.width / 2, y: y + handle.y + handle.height / 2 });
    }
    nodes.push({
      id: node.id,
      x,
      y,
      width,
      height,
      color: look.color,
      tint: look.tint,
      label: compactLabel(doc?.label || doc?.kind || node.type || ''),
      state: nodeState(input.selectedNodes.has(node.id), input.diagnosticCounts[node.id]),
      handles,
    });
  }

  const edges: Record<SketchState, SketchEdge[]> = { plain: [], warning: [], error: [], selected: [] };
  for (const edge of input.edges) {
    if (leaveOut && (leaveOut.has(edge.source.node) || leaveOut.has(edge.target.node))) continue;
    const source = nodeLookup.get(edge.source.node);
    const target = nodeLookup.get(edge.target.node);
    const from = source && handleOf(source, 'source', edge.source.port);
    const to = target && handleOf(target, 'target', edge.target.port);
    if (!source || !target || !from || !to) continue;
    const start = handlePoint(source, from);
    const end = handlePoint(target, to);
    // The edge view's own curve (baton-edge.tsx), so the sketch and the DOM draw the same line.
    const [d] = getBezierPath({
      sourceX: start.x,
      sourceY: start.y,
      sourcePosition: from.position,
      targetX: end.x,
      targetY: end.y,
      targetPosition: to.position,
    });
    // "M sx,sy C c1x,c1y c2x,c2y tx,ty": a cubic curve lies inside its control polygon.
    const numbers = (d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? []).map(Number);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    edges[nodeState(input.selectedEdges.has(edge.id), input.diagnosticCounts[edge.id])].push({
      path: d,
      minX: Math.min(...xs),
      minY: Math.min(...ys),
      maxX: Math.max(...xs),
      maxY: Math.max(...ys),
    });
  }
  return { nodes, edges, palette };
}

function nodeState(selected: boolean, counts: { errors: number; warnings: number } | undefined): SketchState {
  if (selected) return 'selected';
  if ((counts?.errors ?? 0) > 0) return 'error';
  if ((counts?.warnings ?? 0) > 0) return 'warning';
  return 'plain';
}

function handleOf(
  node: InternalNode<Node>,
  type: 'source' | 'target',
  id: string | null | undefined,
): HandleBound | null {
  const bounds = node.internals.handleBounds?.[type] ?? [];
  return (id ? bounds.find((h) => h.id === id) : bounds[0]) ?? null;
}

/** Where an edge meets a handle: the same rule as React Flow's `getHandlePosition` (@xyflow/system). */
export function handlePoint(node: InternalNode<Node>, handle: HandleBound): { x: number; y: number } {
  const x = node.internals.positionAbsolute.x + handle.x;
  const y = node.internals.positionAbsolute.y + handle.y;
  switch (handle.position) {
    case Position.Top:
      return { x: x + handle.width / 2, y };
    case Position.Right:
      return { x: x + handle.width, y: y + handle.height / 2 };
    case Position.Bottom:
      return { x: x + handle.width / 2, y: y + handle.height };
    default:
      return { x, y: y + handle.height / 2 };
  }
}
