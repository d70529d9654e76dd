import type { SourceEdge } from '@baton/schema';

export interface GraphOrder {
  /** Nodes reachable from the entries, in topological order (entries first, ties by edge order). */
  order: string[];
  reachable: ReadonlySet<string>;
  /** Edges that close a cycle (DFS back edges). The order above ignores them. */
  backEdges: SourceEdge[];
}

/**
 * Orders a graph for compiling and running. `edges` must already be valid (both ends exist).
 * Deterministic: depends only on node order, edge order and the entries, never on layout.
 */
export function orderGraph(
  nodeIds: readonly string[],
  edges: readonly SourceEdge[],
  entries: readonly string[],
): GraphOrder {
  const outgoing = new Map<string, SourceEdge[]>(nodeIds.map((id) => [id, []]));
  for (const edge of edges) outgoing.get(edge.source.node)?.push(edge);
  const next = (id: string): SourceEdge[] => outgoing.get(id) ?? [];

  const reachable = new Set<string>(entries);
  const queue = [...entries];
  for (let i = 0; i < queue.length; i++) {
    for (const edge of next(queue[i] ?? '')) {
      if (!reachable.has(edge.target.node)) {
        reachable.add(edge.target.node);
        queue.push(edge.target.node);
      }
    }
  }

  // Iterative DFS (a 10 000-node chain must not blow the call stack): grey = on the current path.
  const colour = new Map<string, 'grey' | 'black'>();
  const backEdges: SourceEdge[] = [];
  for (const start of [...entries, ...nodeIds]) {
    if (colour.has(start)) continue;
    const stack: Array<{ id: string; edgeIndex: number }> = [{ id: start, edgeIndex: 0 }];
    colour.set(start, 'grey');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edge = next(frame.id)[frame.edgeIndex++];
      if (!edge) {
        colour.set(frame.id, 'black');
        stack.pop();
        continue;
      }
      const state = colour.get(edge.target.node);
      if (state === 'grey') backEdges.push(edge);
      else if (state === undefined) {
        colour.set(edge.target.node, 'grey');
        stack.push({ id: edge.target.node, edgeIndex: 0 });
      }
    }
  }

  // Kahn's algorithm over the reachable part without back edges.
  const back = new Set(backEdges);
  const forward = edges.filter((e) => !back.has(e) && reachable.has(e.source.node));
  const inDegree = new Map<string, number>();
  for (const edge of forward) inDegree.set(edge.target.node, (inDegree.get(edge.target.node) ?? 0) + 1);
  const order: string[] = [];
  const ready = entries.filter((id) => !inDegree.has(id));
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i] ?? '';
    order.push(id);
    for (const edge of next(id)) {
      if (back.has(edge)) continue;
      const remaining = (inDegree.get(edge.target.node) ?? 0) - 1;
      inDegree.set(edge.target.node, remaining);
      if (remaining === 0) ready.push(edge.target.node);
    }
  }
  return { order, reachable, backEdges };
}
