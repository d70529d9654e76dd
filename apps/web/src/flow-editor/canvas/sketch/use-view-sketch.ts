import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useStoreApi } from '@xyflow/react';
import { useEditorStoreApi } from '../../store/editor-store-context';
import { ZOOMED_OUT_BELOW } from '../level-of-detail';

/** What the sketch stands in for: the whole graph while the view moves, the rest of it in a drag. */
export type SketchMode = 'view' | 'drag';

/**
 * When a large flow shows its sketch (flow-sketch.tsx) instead of its DOM graph.
 *
 * - `view`: from the first move of a pan or zoom the user makes (pointer or wheel; React Flow's
 *   move with a source event) until the move ends. Not for moves the editor makes itself (fit,
 *   reveal), nor while an edge is being connected (the nodes must stay to be dropped on), nor at a
 *   press on the pane that does not move the view. The sketch draws every node, React Flow's
 *   viewport paints nothing.
 * - `drag`: while nodes are dragged on a large flow zoomed out (under 0.5, where its nodes are
 *   compact bodies, the look the sketch draws: nothing changes on screen). React Flow draws the
 *   dragged nodes and their edges, the sketch, under them, everything else. A drag frame then
 *   redraws a node and a few curves over an empty layer, not the tiles of the graph they cross.
 *   React Flow's auto-pan at the canvas edge moves the sketch as a pan does.
 *
 * `kept` holds the nodes React Flow still renders: the dragged ones, the selected ones, the one
 * with keyboard focus and the one being renamed, so neither focus nor an open name field is lost.
 * Every other node is `hidden` (to-react-flow.ts); React Flow gets no edges in a view sketch and
 * the edges attached to kept nodes in a drag (flow-canvas.tsx). It skips hidden nodes when it
 * decides what is in view, so nothing mounts during the gesture, and it keeps their measured size
 * and handle places, so they come back at the end without being measured again.
 *
 * The switch is flushed at once (`flushSync`): the sketch is drawn in the same frame in which the
 * DOM graph goes, and leaves in the same frame in which it is back, so no frame shows neither.
 */
export function useViewSketch(enabled: boolean, wrapper: RefObject<HTMLElement | null>) {
  const flow = useStoreApi();
  const editor = useEditorStoreApi();
  const [sketch, setSketch] = useState<{ kept: ReadonlySet<string>; mode: SketchMode } | null>(null);
  const active = useRef<SketchMode | null>(null);
  const allowed = useRef(enabled);
  useEffect(() => {
    allowed.current = enabled;
  }, [enabled]);

  const start = useCallback(
    (mode: SketchMode, extra: readonly string[]) => {
      active.current = mode;
      const { selection, renamingId } = editor.getState();
      const keep = new Set([...selection.nodes, ...extra]);
      const focused = document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id');
      if (focused) keep.add(focused);
      if (renamingId) keep.add(renamingId);
      flushSync(() => setSketch({ kept: keep, mode }));
    },
    [editor],
  );

  const end = useCallback((mode: SketchMode) => {
    if (active.current !== mode) return;
    active.current = null;
    flushSync(() => setSketch(null));
  }, []);

  const onMove = useCallback(
    (event: MouseEvent | TouchEvent | null) => {
      if (active.current || !allowed.current || !event) return;
      // `.is-moving` is FlowCanvas's mark of a view move (not a drag's auto-pan).
      if (!wrapper.current?.classList.contains('is-moving')) return;
      if (flow.getState().connection.inProgress) return;
      start('view', []);
    },
    [flow, wrapper, start],
  );

  // React Flow ends a move at every auto-pan step of a drag too: only a view sketch ends here.
  const onMoveEnd = useCallback(() => end('view'), [end]);

  const onDragStart = useCallback(
    (dragged: readonly string[]) => {
      if (active.current || !allowed.current) return;
      if (flow.getState().transform[2] >= ZOOMED_OUT_BELOW) return;
      start('drag', dragged);
    },
    [flow, start],
  );

  const onDragStop = useCallback(() => end('drag'), [end]);

  return {
    kept: sketch?.kept ?? null,
    mode: sketch?.mode ?? null,
    onMove,
    onMoveEnd,
    onDragStart,
    onDragStop,
  };
}
