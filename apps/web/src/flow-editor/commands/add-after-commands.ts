import type { FlowSource, NodeKind, PortRef } from '@baton/schema';
import { addNode, type AddNodeArgs } from './node-commands';
import { connect } from './edge-commands';
import { connectionProblem, type KindPorts } from './connection-rules';
import { defineCommand } from './command';

export interface AddNodeAfterArgs extends AddNodeArgs {
  /** The node to continue from: its first output with no edge yet feeds the new node. */
  afterId: string;
  edgeId: string;
  specOf: (kind: NodeKind) => KindPorts | undefined;
}

/**
 * Adds a node and wires it after another one in a single undo entry: the keyboard way of drawing
 * a chain (select a node, press Enter on a palette entry). When no output is free or the kinds
 * cannot connect, the node is just added.
 */
export const addNodeAfter = defineCommand<AddNodeAfterArgs>('addNodeAfter', (source, args) => {
  const withNode = addNode(source, { node: args.node, position: args.position });
  if (withNode === source) return source;
  const from = freeOutput(withNode, args.afterId, args.specOf);
  const input = args.specOf(args.node.kind)?.inputs[0];
  if (!from || !input) return withNode;
  const to: PortRef = { node: args.node.id, port: input.id };
  if (connectionProblem(withNode, from, to, args.specOf) !== null) return withNode;
  return connect(withNode, { id: args.edgeId, source: from, target: to });
});

function freeOutput(
  source: FlowSource,
  nodeId: string,
  specOf: (kind: NodeKind) => KindPorts | undefined,
): PortRef | null {
  const node = source.nodes.find((n) => n.id === nodeId);
  const spec = node ? specOf(node.kind) : undefined;
  if (!node || !spec) return null;
  const used = new Set(source.edges.filter((e) => e.source.node === nodeId).map((e) => e.source.port));
  const port = spec.outputs.find((p) => !used.has(p.id));
  return port ? { node: nodeId, port: port.id } : null;
}
