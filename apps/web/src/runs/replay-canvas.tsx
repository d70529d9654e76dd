import { memo, useMemo } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  Handle,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
  type NodeTypes,
} from '@xyflow/react';
import type { FlowSource, Step } from '@baton/schema';
import { kindSpec } from '../flow-editor/kinds/kind-catalog';
import { kindColor } from '../trace/kind-look';
import { Glyph } from '../ui/glyph';
import '@xyflow/react/dist/style.css';

/** Where a node stands in the replay: the step shown, one the record passed, or one it never reached. */
export type ReplayNodeState = 'current' | 'visited' | 'unvisited';

interface ReplayNodeData extends Record<string, unknown> {
  label: string;
  kind: string;
  state: ReplayNodeState;
  seq: number | null;
  status: Step['status'] | null;
}

type ReplayNode = Node<ReplayNodeData>;

const ReplayNodeView = memo(function ReplayNodeView({ data }: NodeProps<ReplayNode>) {
  const spec = kindSpec(data.kind);
  return (
    <div
      className={`replay-node is-${data.state} ${data.status ? `step-${data.status}` : ''}`}
      style={{ ['--kind-color' as string]: kindColor(data.kind) }}
      data-testid="replay-node"
      data-state={data.state}
      aria-current={data.state === 'current' ? 'step' : undefined}
    >
      {spec?.inputs.map((port) => (
        <Handle key={port.id} type="target" position={Position.Left} id={port.id} isConnectable={false} />
      ))}
      <span className="replay-node-glyph">
        <Glyph name={spec?.palette.glyph ?? data.kind} />
      </span>
      <div className="replay-node-titles">
        <strong>{data.label}</strong>
        <span className="faint">{data.kind}</span>
      </div>
      {data.seq !== null ? (
        <span className="replay-node-seq" title={`step ${data.seq}`}>
          {data.seq}
        </span>
      ) : null}
      {spec?.outputs.map((port, i) => (
        <Handle
          key={port.id}
          type="source"
          position={Position.Right}
          id={port.id}
          isConnectable={false}
          style={
            spec.outputs.length > 1 ? { top: `${((i + 1) * 100) / (spec.outputs.length + 1)}%` } : undefined
          }
        />
      ))}
    </div>
  );
});

// Module scope: a new object per render would remount every node.
const nodeTypes: NodeTypes = { replay: ReplayNodeView };

export interface ReplayCanvasProps {
  source: FlowSource;
  steps: readonly Step[];
  /** Index into `steps` of the step shown. */
  current: number;
  onSelectStep: (index: number) => void;
}

/**
 * The version's canvas, read-only, with the record's path lit: nodes it visited carry their
 * step number; edges it crossed up to the current step are drawn solid in the accent colour,
 * those it crosses later solid but pale, the rest dashed.
 */
export function ReplayCanvas({ source, steps, current, onSelectStep }: ReplayCanvasProps) {
  const nodes = useMemo((): ReplayNode[] => {
    const stepIndex = new Map(steps.map((s, i) => [s.nodeId, i]));
    return source.nodes.map((node, i) => {
      const index = stepIndex.get(node.id);
      const step = index === undefined ? undefined : steps[index];
      const state: ReplayNodeState =
        index === current ? 'current' : index !== undefined && index <= current ? 'visited' : 'unvisited';
      return {
        id: node.id,
        type: 'replay',
        position: source.layout.nodes[node.id] ?? { x: 80 + (i % 4) * 280, y: 80 + Math.floor(i / 4) * 160 },
        data: {
          label: node.label,
          kind: node.kind,
          state,
          seq: step?.seq ?? null,
          status: step?.status ?? null,
        },
        ariaLabel: `${node.kind} node ${node.label}${step ? `, step ${step.seq}` : ', not reached'}`,
      };
    });
  }, [source, steps, current]);

  const edges = useMemo((): Edge[] => {
    const crossedAt = new Map(steps.flatMap((s, i) => (s.viaEdge ? [[s.viaEdge, i] as const] : [])));
    return source.edges.map((edge) => {
      const at = crossedAt.get(edge.id);
      const lit = at !== undefined && at <= current;
      return {
        id: edge.id,
        source: edge.source.node,
        sourceHandle: edge.source.port,
        target: edge.target.node,
        targetHandle: edge.target.port,
        className: lit ? 'replay-edge is-lit' : at !== undefined ? 'replay-edge is-ahead' : 'replay-edge',
      };
    });
  }, [source, steps, current]);

  return (
    <div className="replay-canvas" role="region" aria-label="Replay canvas">
      <ReactFlow<ReplayNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        // The arrow keys step through the run; React Flow must not take them.
        disableKeyboardA11y
        onNodeClick={(_event, node) => {
          const index = steps.findIndex((s) => s.nodeId === node.id);
          if (index >= 0) onSelectStep(index);
        }}
        fitView
        fitViewOptions={{ padding: 0.12, maxZoom: 1 }}
        minZoom={0.2}
        maxZoom={1.5}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#d5d9e0" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
