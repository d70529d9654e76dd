import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, applyEdgeChanges, applyNodeChanges, type Edge, type Node } from '@xyflow/react';
import { FIT_VIEW_OPTIONS } from '../../apps/web/src/flow-editor/canvas/fit-view.ts';

/**
 * The bench's calibration page (canvas-reference.ts builds it): plain React Flow with the large
 * flow's nodes and edges, default node and edge types, React Flow's own style sheet and nothing
 * else (no Background, Controls, MiniMap, Baton styles). It says what the library itself costs per
 * frame on this machine with the same gestures. The page reads the graph from `flow.json` beside
 * it; the query string sets `onlyRenderVisibleElements` (`visible=1`) and the canvas rectangle
 * (`left`, `top`, `width`, `height`: Baton's canvas, so the gestures hit the same kind of places).
 * `createElement`, not JSX: the bench's TypeScript project has no JSX set-up; its tsconfig maps
 * `@xyflow/react` and `react` to apps/web's copies for the type check.
 */
interface ReferenceFlow {
  nodes: Node[];
  edges: Edge[];
}

const params = new URLSearchParams(location.search);
const number = (name: string, fallback: number) => Number(params.get(name) ?? fallback);

function ReferenceCanvas({ flow }: { flow: ReferenceFlow }) {
  const [nodes, setNodes] = useState(flow.nodes);
  const [edges, setEdges] = useState(flow.edges);
  return createElement(ReactFlow, {
    nodes,
    edges,
    onNodesChange: (changes) => setNodes((current) => applyNodeChanges(changes, current)),
    onEdgesChange: (changes) => setEdges((current) => applyEdgeChanges(changes, current)),
    // The same view limits and opening fit as Baton's canvas (flow-canvas.tsx; a large flow opens
    // fitted, open-view.ts), so the bench's zoom-in lands on the same scale.
    fitView: true,
    fitViewOptions: FIT_VIEW_OPTIONS,
    minZoom: 0.2,
    maxZoom: 2,
    // Snapped to the same grid as Baton's canvas (on by default there; `GRID` in flow-canvas.tsx):
    // the bench's drag moves 4 × 2 px at a time, so a dragged node changes position at about every
    // other move on both pages. Without it the bare page updated at every move, and its frames
    // were compared with Baton's half of them that update.
    snapToGrid: true,
    snapGrid: [10, 10],
    onlyRenderVisibleElements: params.get('visible') === '1',
  });
}

const container = document.getElementById('root')!;
Object.assign(container.style, {
  position: 'absolute',
  left: `${number('left', 0)}px`,
  top: `${number('top', 0)}px`,
  width: `${number('width', innerWidth)}px`,
  height: `${number('height', innerHeight)}px`,
});
const flow = (await (await fetch('./flow.json')).json()) as ReferenceFlow;
createRoot(container).render(createElement(ReferenceCanvas, { flow }));
