import { useMemo } from 'react';
import { Background, ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { FlowSource } from '@baton/schema';
import type { ChangeStatus } from '../api/governance-api';

export interface DiffCanvasProps {
  source: FlowSource;
  /** Status per node/edge id; unchanged ones are drawn plain. */
  nodeStatus: ReadonlyMap<string, ChangeStatus>;
  edgeStatus: ReadonlyMap<string, ChangeStatus>;
  /** Nodes of the other version drawn as ghosts (overlay mode: what was removed). */
  ghosts?: FlowSource['nodes'];
  ghostLayout?: FlowSource['layout'];
  label: string;
}

const EDGE_COLOURS: Record<ChangeStatus, string> = {
  added: '#138a43',
  removed: '#d92d20',
  changed: '#c77700',
};

/** A read-only canvas of one version, its nodes and edges coloured by how the diff changed them. */
export function DiffCanvas(props: DiffCanvasProps) {
  return (
    <ReactFlowProvider>
      <DiffCanvasInner {...props} />
    </ReactFlowProvider>
  );
}

function DiffCanvasInner({
  source,
  nodeStatus,
  edgeStatus,
  ghosts = [],
  ghostLayout,
  label,
}: DiffCanvasProps) {
  const { nodes, edges } = useMemo(() => {
    const nodes: Node[] = source.nodes.map((n) => ({
      id: n.id,
      position: source.layout.nodes[n.id] ?? { x: 0, y: 0 },
      data: { label: `${n.label} · ${n.kind}` },
      className: `diff-node is-${nodeStatus.get(n.id) ?? 'same'}`,
      draggable: false,
      connectable: false,
    }));
    for (const g of ghosts) {
      nodes.push({
        id: `ghost-${g.id}`,
        position: ghostLayout?.nodes[g.id] ?? { x: 0, y: 0 },
        data: { label: `${g.label} · ${g.kind}` },
        className: 'diff-node is-removed is-ghost',
        draggable: false,
        connectable: false,
      });
    }
    const edges: Edge[] = source.edges.map((e) => {
      const status = edgeStatus.get(e.id);
      return {
        id: e.id,
        source: e.source.node,
        target: e.target.node,
        label: status ?? undefined,
        animated: status === 'added',
        style: status ? { stroke: EDGE_COLOURS[status], strokeWidth: 2.5 } : { stroke: '#98a2b3' },
      };
    });
    return { nodes, edges };
  }, [source, nodeStatus, edgeStatus, ghosts, ghostLayout]);

  return (
    <div className="diff-canvas" aria-label={label} role="figure">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        fitViewOptions={{ padding: 0.12 }}
        minZoom={0.1}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} />
      </ReactFlow>
    </div>
  );
}
