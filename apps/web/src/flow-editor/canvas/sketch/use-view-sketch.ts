import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useStoreApi } from '@xyflow/react';
import { useEditorStoreApi } from '../../store/editor-store-context';

/**
 * When a large flow shows its sketch (flow-sketch.tsx) instead of its DOM graph: from the first
 * move of a pan or zoom the user makes (pointer or wheel; React Flow's move with a source event)
 * until the move ends. Not for moves the editor makes itself (fit, reveal), nor while nodes are
 * dragged or an edge is being connected (React Flow pans at the canvas edge then, and the nodes
 * must stay to be dropped on), nor at a press on the pane that does not move the view.
 *
 * `kept` holds the nodes React Flow still renders during the sketch: the selected ones, the one
 * with keyboard focus and the one being renamed, so neither focus nor an open name field is lost.
 * Every other node is `hidden` (to-react-flow.ts) and React Flow gets no edges (flow-canvas.tsx):
 * it skips hidden nodes when it decides what is in view, so nothing mounts during the gesture, and
 * it keeps their measured size and handle places, so they come back at the end without being
 * measured again.
 *
 * The switch is flushed at once (`flushSync`): the sketch is drawn in the same frame in which the
 * DOM graph goes, and leaves in the same frame in which it is back, so no frame shows neither.
 */
export function useViewSketch(enabled: boolean, wrapper: RefObject<HTMLElement | null>) {
  const flow = useStoreApi();
  const editor = useEditorStoreApi();
  const [kept, setKept] = useState<ReadonlySet<string> | null>(null);
  const active = useRef(false);
  const allowed = useRef(enabled);
  useEffect(() => {
    allowed.current = enabled;
  }, [enabled]);

  const onMove = useCallback(
    (event: MouseEvent | TouchEvent | null) => {
      if (active.current || !allowed.current || !event) return;
      // `.is-moving` is FlowCanvas's mark of a view move (not a drag's auto-pan).
      if (!wrapper.current?.classList.contains('is-moving')) return;
      if (flow.getState().connection.inProgress) return;
      active.current = true;
      const { selection, renamingId } = editor.getState();
      const keep = new Set(selection.nodes);
      const focused = document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id');
      if (focused) keep.add(focused);
      if (renamingId) keep.add(renamingId);
      flushSync(() => setKept(keep));
    },
    [flow, editor, wrapper],
  );

  const onMoveEnd = useCallback(() => {
    if (!active.current) return;
    active.current = false;
    flushSync(() => setKept(null));
  }, []);

  return { kept, onMove, onMoveEnd };
}
