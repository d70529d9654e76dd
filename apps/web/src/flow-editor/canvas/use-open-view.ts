import { useLayoutEffect } from 'react';
import { useStoreApi, type ReactFlowState, type Rect } from '@xyflow/react';
import { openViewport } from './open-view';

/**
 * Sets the view a flow opens with (open-view.ts) once React Flow has measured its nodes: the bounds
 * need their sizes. Set from a store subscription, in the store update that measures the last node,
 * so the view is in place before React renders the nodes visible: no frame shows them elsewhere.
 * React Flow's own `fitView` prop does the same, but only fits.
 *
 * Only a flow that opens with nodes: on an empty one the first dropped node would be moved away
 * from the pointer.
 */
export function useOpenView(enabled: boolean, overview: boolean): void {
  const flow = useStoreApi();
  useLayoutEffect(() => {
    if (!enabled) return;
    let done = false;
    const open = () => {
      if (done) return;
      const state = flow.getState();
      const bounds = measuredBounds(state);
      if (!bounds || !state.width || !state.height || !state.panZoom) return;
      // Set before the view changes: the change notifies this subscription again.
      done = true;
      stop();
      const viewport = openViewport(bounds, state, state, overview);
      void state.panZoom.setViewport(viewport);
    };
    const stop = flow.subscribe(open);
    open();
    return stop;
    // Once, when the canvas mounts: `overview` is what the flow was when it opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flow]);
}

/** The flow's bounds, or null while a node has no measured size yet. */
function measuredBounds(state: ReactFlowState): Rect | null {
  if (state.nodeLookup.size === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of state.nodeLookup.values()) {
    const { width, height } = node.measured;
    if (!width || !height) return null;
    const { x, y } = node.internals.positionAbsolute;
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + width);
    bottom = Math.max(bottom, y + height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}
