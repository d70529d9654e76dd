import { useLayoutEffect, useRef } from 'react';
import { useStoreApi, type ReactFlowState, type Transform } from '@xyflow/react';
import { useEditorStoreApi } from '../../store/editor-store-context';
import type { CanvasEdge, CanvasNode } from '../to-react-flow';
import { buildSketchScene, type SketchPalette, type SketchScene } from './sketch-scene';
import { sketchSvg } from './sketch-svg';
import { readSketchPalette } from './sketch-palette';
import { ZOOMED_OUT_BELOW } from '../level-of-detail';
import './flow-sketch.css';

/**
 * The sketch of a large flow: while the user pans or zooms it, the graph is one SVG picture over
 * the pane instead of React Flow's DOM nodes and edges, which FlowCanvas hides for the gesture
 * (`useViewSketch`); while nodes are dragged on it zoomed out, the picture lies under the pane and
 * holds all but the dragged nodes and their edges, which React Flow draws. What it replaces: every
 * frame of a pan or zoom mounted the nodes coming into view (React, layout, measuring) and
 * painted, layerised and rasterised the DOM graph again; now a
 * frame moves one still layer (e2e/bench/canvas-bench.ts: pan p50 ~22 → ~14 ms on the bench's
 * machine, the cost of moving a still picture of the canvas's size). The look is the compact body
 * large flows already showed while the view moves (canvas.css), so the switch at a gesture's first
 * move, and back at its end, is not seen.
 */
export function FlowSketch({
  active,
  leaveOut,
}: {
  active: boolean;
  /** Nodes React Flow draws itself (a drag's, use-view-sketch.ts): left out, with their edges. */
  leaveOut: ReadonlySet<string> | null;
}) {
  const layerRef = useRef<HTMLDivElement | null>(null);
  const paletteRef = useRef<SketchPalette | null>(null);
  const flow = useStoreApi<CanvasNode, CanvasEdge>();
  const editor = useEditorStoreApi();

  useLayoutEffect(() => {
    const layer = layerRef.current;
    if (!active || !layer) return;
    paletteRef.current ??= readSketchPalette(layer.closest('.react-flow') ?? document.body);
    const palette = paletteRef.current;

    let scene: SketchScene;
    let region: Region | null = null;
    const gather = () => {
      const state = flow.getState();
      const doc = editor.getState();
      scene = buildSketchScene({
        nodeLookup: state.nodeLookup,
        edges: doc.source.edges,
        selectedNodes: new Set(doc.selection.nodes),
        selectedEdges: new Set(doc.selection.edges),
        documentNodes: doc.source.nodes,
        diagnosticCounts: doc.diagnosticCounts,
        palette,
        leaveOut,
      });
    };
    // Drawn for the view and a margin around it, at the view's zoom, and not again while the view
    // pans inside that region: a pan frame only moves the layer, so nothing is painted or
    // rasterised again. SVG markup, not a <canvas>: a canvas layer handed the compositor its pixels
    // again at every frame (Canvas2DResourceProvider::ProduceCanvasResource, ~1.5 ms a frame here),
    // and a canvas redrawn at every frame cost more still.
    const draw = (force: boolean) => {
      const { transform, width, height } = flow.getState();
      const [tx, ty, zoom] = transform;
      if (force || !region || !covers(region, transform, width, height)) {
        region = regionFor(transform, width, height);
        // The dots as the canvas shows them at this zoom (none on a large flow zoomed out).
        const dots = zoom >= ZOOMED_OUT_BELOW;
        layer.innerHTML = sketchSvg(scene, region, region.width * zoom, region.height * zoom, dots);
      }
      // Where the region's corner is on the pane now, on a whole pixel at the drawn zoom (a copy
      // without filtering); scaled while the wheel turns, until the zoom is too far from the drawn
      // one to look sharp (`covers`): re-drawing at every wheel step cost more than the DOM did.
      const scale = zoom / region.zoom;
      const left = region.x * zoom + tx;
      const top = region.y * zoom + ty;
      layer.style.transform =
        scale === 1
          ? `translate(${Math.round(left)}px, ${Math.round(top)}px)`
          : `translate(${left}px, ${top}px) scale(${scale})`;
    };
    gather();
    draw(true);
    // A change to the graph during the gesture (an undo by keyboard, a compile's new problems) is
    // drawn too.
    // (React Flow's nodes also change at the switch itself, when they turn hidden: nothing moved
    // then, and the sketch is not drawn twice.)
    const stopFlow = flow.subscribe((state, previous) => {
      if (state.nodes !== previous.nodes && !sameGeometry(scene, state.nodeLookup, leaveOut)) {
        gather();
        draw(true);
      } else if (state.transform !== previous.transform) draw(false);
    });
    const stopEditor = editor.subscribe((state, previous) => {
      if (
        state.diagnosticCounts === previous.diagnosticCounts &&
        state.source === previous.source &&
        state.selection === previous.selection
      )
        return;
      gather();
      draw(true);
    });
    return () => {
      stopFlow();
      stopEditor();
      layer.replaceChildren();
    };
  }, [active, leaveOut, flow, editor]);

  return <div ref={layerRef} className="flow-sketch" hidden={!active} aria-hidden="true" />;
}

/**
 * Whether every node drawn still has the place and size the scene drew it with (a dragged node,
 * left out, moves at every frame of its drag: that is React Flow's to draw).
 */
function sameGeometry(
  scene: SketchScene,
  nodeLookup: ReactFlowState['nodeLookup'],
  leaveOut: ReadonlySet<string> | null,
): boolean {
  let i = 0;
  for (const node of nodeLookup.values()) {
    if (leaveOut?.has(node.id) || !node.measured.width || !node.measured.height) continue;
    const drawn = scene.nodes[i++];
    if (
      !drawn ||
      drawn.id !== node.id ||
      drawn.x !== node.internals.positionAbsolute.x ||
      drawn.y !== node.internals.positionAbsolute.y ||
      drawn.width !== node.measured.width ||
      drawn.height !== node.measured.height
    )
      return false;
  }
  return i === scene.nodes.length;
}

/** A rectangle in flow coordinates, with the zoom it was drawn at. */
interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
  zoom: number;
}

/** Half the view's width and height on each side: the bench's pan (480 × 240 px) stays inside. */
const MARGIN = 0.5;

function regionFor([tx, ty, zoom]: Transform, width: number, height: number): Region {
  const viewWidth = width / zoom;
  const viewHeight = height / zoom;
  return {
    x: -tx / zoom - viewWidth * MARGIN,
    y: -ty / zoom - viewHeight * MARGIN,
    width: viewWidth * (1 + 2 * MARGIN),
    height: viewHeight * (1 + 2 * MARGIN),
    zoom,
  };
}

/** A zoom this far from the drawn one (either way) draws the region again. */
const MAX_SCALE = 1.5;

function covers(region: Region, [tx, ty, zoom]: Transform, width: number, height: number): boolean {
  const left = -tx / zoom;
  const top = -ty / zoom;
  const scale = zoom / region.zoom;
  return (
    zoom >= ZOOMED_OUT_BELOW === region.zoom >= ZOOMED_OUT_BELOW &&
    scale <= MAX_SCALE &&
    scale >= 1 / MAX_SCALE &&
    left >= region.x &&
    top >= region.y &&
    left + width / zoom <= region.x + region.width &&
    top + height / zoom <= region.y + region.height
  );
}
