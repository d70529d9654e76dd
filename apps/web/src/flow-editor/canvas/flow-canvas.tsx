import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type IsValidConnection,
  type NodeChange,
  type NodeTypes,
  type OnDelete,
  type OnNodeDrag,
  type SelectionDragHandler,
  useStore,
} from '@xyflow/react';
import { useDroppable } from '@dnd-kit/core';
import { NODE_KINDS, type Position } from '@baton/schema';
import { useEditor, useEditorStoreApi } from '../store/editor-store-context';
import { connect } from '../commands/edge-commands';
import { moveNodes } from '../commands/node-commands';
import { removeElements } from '../commands/selection-commands';
import { connectionProblem } from '../commands/connection-rules';
import { newEdgeId } from '../commands/ids';
import { kindSpec } from '../kinds/kind-catalog';
import { BatonNode } from './baton-node';
import { BatonEdge } from './baton-edge';
import {
  createCanvasEdgeBuilder,
  createCanvasNodeBuilder,
  type CanvasEdge,
  type CanvasNode,
} from './to-react-flow';
import { CanvasEmptyHint } from './canvas-empty-hint';
import { CanvasDots } from './canvas-dots';
import { useOpenView } from './use-open-view';
import { RENDER_VISIBLE_ONLY_FROM, selectZoomedOut } from './level-of-detail';
import { FlowSketch } from './sketch/flow-sketch';
import { useViewSketch } from './sketch/use-view-sketch';
import './canvas.css';

export const CANVAS_DROP_ID = 'flow-canvas';

/** The canvas grid (px): dots every two cells, nodes snap to one cell when snapping is on. */
export const GRID = 10;

// Defined once at module scope: a new object per render would remount every node.
const nodeTypes: NodeTypes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, BatonNode]));
const edgeTypes: EdgeTypes = { baton: BatonEdge };

// SVG fill attributes cannot read CSS variables, so the minimap gets the kind colours as values.
const MINIMAP_COLORS: Record<string, string> = {
  trigger: '#7c3aed',
  mapping: '#2563eb',
  validation: '#c77700',
  write: '#138a43',
  log: '#475467',
};
const miniMapNodeColor = (n: CanvasNode) => MINIMAP_COLORS[n.type ?? ''] ?? '#98a2b3';
const MINIMAP_STYLE = { width: 160, height: 110 };

// Props React Flow copies into its store whenever their identity changes: a fresh object or array
// per render would mean extra store updates (and every subscriber re-checked) on each drag frame.
const SNAP_GRID: [number, number] = [GRID, GRID];
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const DEFAULT_EDGE_OPTIONS = { type: 'baton' };
const NO_EDGES: CanvasEdge[] = [];

export function FlowCanvas() {
  const store = useEditorStoreApi();
  const source = useEditor((s) => s.source);
  const livePositions = useEditor((s) => s.livePositions);
  const measured = useEditor((s) => s.measured);
  const selection = useEditor((s) => s.selection);
  const snapToGrid = useEditor((s) => s.snapToGrid);
  const [buildNodes] = useState(createCanvasNodeBuilder);
  const [buildEdges] = useState(createCanvasEdgeBuilder);
  const { setNodeRef, isOver } = useDroppable({ id: CANVAS_DROP_ID });
  const wrapper = useRef<HTMLDivElement | null>(null);
  const setWrapper = useCallback(
    (element: HTMLDivElement | null) => {
      wrapper.current = element;
      setNodeRef(element);
    },
    [setNodeRef],
  );
  // Gesture classes for canvas.css (`.is-moving`: the user pans or zooms the view, `.is-dragging`:
  // nodes are dragged). Set on the DOM directly: a React render of the whole canvas at each gesture
  // start and end would cost a frame each.
  // `.is-moving` comes with the view's first change by the user (a move with a source event), not
  // with React Flow's move start: that comes at the press, and a click on the pane of a large flow
  // flashed every node to its compact look and back. React Flow also starts and ends a move at every
  // auto-pan step of a node drag (44 times in the bench's drag): not a view gesture, and each toggle
  // would restyle every visible node and edge, so a move that starts during a drag is not one.
  const viewMove = useRef(false);
  const onMoveStart = useCallback(() => {
    viewMove.current = !wrapper.current?.classList.contains('is-dragging');
  }, []);
  // Zoomed out (`data-zoomed-out`, canvas.css): an attribute React does not own, so a re-render
  // that changes the class list cannot drop it. FlowCanvas re-renders only when the zoom crosses
  // the threshold (the selector returns a boolean).
  const zoomedOut = useStore(selectZoomedOut);
  useLayoutEffect(() => {
    wrapper.current?.toggleAttribute('data-zoomed-out', zoomedOut);
  }, [zoomedOut]);
  // The minimap keeps one store subscription per node and repaints them all on every pan, drag or
  // zoom frame: on a large flow it is off until asked for (measured in e2e/bench/canvas-bench.ts).
  const [miniMapChoice, setMiniMapChoice] = useState<boolean | null>(null);
  const large = source.nodes.length >= RENDER_VISIBLE_ONLY_FROM;
  // The view a flow opens with: fitted, or its start at a readable zoom (open-view.ts).
  useOpenView(store.getState().source.nodes.length > 0, large);
  const showMiniMap = source.nodes.length > 0 && (miniMapChoice ?? !large);
  // A large flow shows its graph as one SVG picture while the user pans or zooms it (sketch/). Not
  // with the minimap on: it draws only the nodes that are not hidden.
  const sketch = useViewSketch(large && !showMiniMap, wrapper);
  const {
    onMove: moveViewSketch,
    onMoveEnd: endViewSketch,
    onDragStart: startDragSketch,
    onDragStop: endDragSketch,
  } = sketch;
  const onMove = useCallback(
    (event: MouseEvent | TouchEvent | null) => {
      const element = wrapper.current;
      if (!event || !viewMove.current || !element) return;
      if (!element.classList.contains('is-moving')) element.classList.add('is-moving');
      moveViewSketch(event);
    },
    [moveViewSketch],
  );
  const onMoveEnd = useCallback(() => {
    viewMove.current = false;
    wrapper.current?.classList.remove('is-moving');
    endViewSketch();
  }, [endViewSketch]);
  const startDrag = useCallback(
    (dragged: CanvasNode[]) => {
      wrapper.current?.classList.add('is-dragging');
      startDragSketch(dragged.map((n) => n.id));
    },
    [startDragSketch],
  );
  const onNodeDragStart: OnNodeDrag<CanvasNode> = useCallback(
    (_event, _node, dragged) => startDrag(dragged),
    [startDrag],
  );
  const onSelectionDragStart: SelectionDragHandler<CanvasNode> = useCallback(
    (_event, dragged) => startDrag(dragged),
    [startDrag],
  );
  const onDragStop = useCallback(() => {
    wrapper.current?.classList.remove('is-dragging');
    endDragSketch();
  }, [endDragSketch]);

  const { kept, mode: sketchMode } = sketch;
  const nodes = useMemo(
    () => buildNodes(source, livePositions, measured, selection, kept),
    [buildNodes, source, livePositions, measured, selection, kept],
  );
  // The edges only: a moved node changes the layout, not `source.edges`. None while the view sketch
  // shows (React Flow would still mount a wrapper for each edge coming into view); in a drag's, the
  // edges attached to the nodes React Flow still draws (the sketch leaves them out).
  const edges = useMemo(() => {
    if (sketchMode === 'view') return NO_EDGES;
    const all = buildEdges(source.edges, selection);
    return kept ? all.filter((e) => kept.has(e.source) || kept.has(e.target)) : all;
  }, [buildEdges, source.edges, selection, sketchMode, kept]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const state = store.getState();
      const live: Record<string, Position> = {};
      const committed: Record<string, Position> = {};
      const sizes: Record<string, { width: number; height: number }> = {};
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          if (change.dragging) live[change.id] = change.position;
          else committed[change.id] = change.position;
        } else if (change.type === 'dimensions' && change.dimensions) {
          sizes[change.id] = change.dimensions;
        } else if (change.type === 'select') {
          selected ??= new Set(state.selection.nodes);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (Object.keys(sizes).length) state.setMeasured(sizes);
      if (Object.keys(live).length) state.setLivePositions({ ...state.livePositions, ...live });
      // Drag end: one command for every node moved by the gesture, then drop the live positions.
      if (Object.keys(committed).length) {
        state.perform(moveNodes, { positions: { ...state.livePositions, ...committed } });
        state.setLivePositions(null);
      }
      if (selected) state.select({ nodes: [...selected], edges: store.getState().selection.edges });
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      const state = store.getState();
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        selected ??= new Set(state.selection.edges);
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
      if (selected) state.select({ nodes: store.getState().selection.nodes, edges: [...selected] });
    },
    [store],
  );

  const isValidConnection: IsValidConnection<CanvasEdge> = useCallback(
    (c) =>
      connectionProblem(
        store.getState().source,
        { node: c.source, port: c.sourceHandle ?? '' },
        { node: c.target, port: c.targetHandle ?? '' },
        kindSpec,
      ) === null,
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.sourceHandle || !c.targetHandle) return;
      store.getState().perform(connect, {
        id: newEdgeId(),
        source: { node: c.source, port: c.sourceHandle },
        target: { node: c.target, port: c.targetHandle },
      });
    },
    [store],
  );

  // React Flow asks before deleting (Delete/Backspace); we do it as one command instead.
  const onDelete: OnDelete<CanvasNode, CanvasEdge> = useCallback(
    ({ nodes: gone, edges: goneEdges }) => {
      store
        .getState()
        .perform(removeElements, { nodeIds: gone.map((n) => n.id), edgeIds: goneEdges.map((e) => e.id) });
    },
    [store],
  );

  return (
    <div
      ref={setWrapper}
      className={`flow-canvas ${large ? 'is-large' : ''} ${sketchMode ? `is-sketching is-sketching-${sketchMode}` : ''} ${isOver ? 'is-drop-target' : ''}`}
      aria-label="Canvas"
      role="region"
    >
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDelete={onDelete}
        onMoveStart={onMoveStart}
        onMove={onMove}
        onMoveEnd={onMoveEnd}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onDragStop}
        onSelectionDragStart={onSelectionDragStart}
        onSelectionDragStop={onDragStop}
        isValidConnection={isValidConnection}
        deleteKeyCode={DELETE_KEYS}
        minZoom={0.2}
        maxZoom={2}
        snapToGrid={snapToGrid}
        snapGrid={SNAP_GRID}
        // Shift+drag on the pane draws a selection box; Shift/Ctrl/Cmd+click adds to the selection.
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        onlyRenderVisibleElements={large}
        // Double-click renames a node (on its label); React Flow's zoom-on-double-click would fight it.
        zoomOnDoubleClick={false}
        nodesFocusable
        edgesFocusable
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
      >
        <CanvasDots />
        {large ? (
          <FlowSketch active={sketchMode !== null} leaveOut={sketchMode === 'drag' ? kept : null} />
        ) : null}
        {showMiniMap ? (
          <MiniMap
            pannable
            zoomable
            style={MINIMAP_STYLE}
            nodeStrokeWidth={3}
            nodeColor={miniMapNodeColor}
            ariaLabel="Mini map"
          />
        ) : null}
        <Controls showInteractive={false}>
          {large ? (
            <ControlButton
              onClick={() => setMiniMapChoice(!showMiniMap)}
              title={showMiniMap ? 'Hide mini map' : 'Show mini map'}
              aria-label={showMiniMap ? 'Hide mini map' : 'Show mini map'}
              aria-pressed={showMiniMap}
              data-testid="minimap-toggle"
            >
              <MiniMapIcon />
            </ControlButton>
          ) : null}
        </Controls>
      </ReactFlow>
      {source.nodes.length === 0 ? <CanvasEmptyHint /> : null}
    </div>
  );
}

function MiniMapIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <rect
        x="1.5"
        y="3"
        width="13"
        height="10"
        rx="1.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
      <rect x="4" y="5.5" width="5" height="4" fill="currentColor" />
    </svg>
  );
}
