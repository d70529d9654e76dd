import type { FlowSource, NodeKind, PortRef } from '@baton/schema';

export interface KindPorts {
  inputs: readonly { id: string }[];
  outputs: readonly { id: string }[];
}

export type ConnectionProblem =
  'unknown_node' | 'self_loop' | 'bad_source_port' | 'bad_target_port' | 'duplicate';

/**
 * Whether a drag from `from` to `to` may become an edge: the ports must exist on the kinds (an
 * output on the source side, an input on the target side) and the edge must not exist yet.
 * The compiler reports the same problems for hand-edited JSON; this keeps the canvas from making them.
 */
export function connectionProblem(
  source: FlowSource,
  from: PortRef,
  to: PortRef,
  portsOf: (kind: NodeKind) => KindPorts | undefined,
): ConnectionProblem | null {
  const fromNode = source.nodes.find((n) => n.id === from.node);
  const toNode = source.nodes.find((n) => n.id === to.node);
  if (!fromNode || !toNode) return 'unknown_node';
  if (fromNode.id === toNode.id) return 'self_loop';
  if (!portsOf(fromNode.kind)?.outputs.some((p) => p.id === from.port)) return 'bad_source_port';
  if (!portsOf(toNode.kind)?.inputs.some((p) => p.id === to.port)) return 'bad_target_port';
  const duplicate = source.edges.some(
    (e) =>
      e.source.node === from.node &&
      e.source.port === from.port &&
      e.target.node === to.node &&
      e.target.port === to.port,
  );
  return duplicate ? 'duplicate' : null;
}
