import { getViewportForBounds, type Rect, type Viewport } from '@xyflow/react';
import { FIT_PADDING, FIT_VIEW_OPTIONS } from './fit-view';

/**
 * The least zoom a flow opens at: a node's name (13 px) is then ~10 px on screen. Fitting a whole
 * hand-off of six nodes in a row into the editor's canvas (1 660 flow px into ~770 px at 1440 ×
 * 900) gave 0.43, names of 5–6 px: nobody could read the flow they had just opened.
 */
export const READABLE_ZOOM = 0.75;

const PAD = {
  top: parseFloat(FIT_PADDING.top),
  left: parseFloat(FIT_PADDING.left),
  bottom: parseFloat(FIT_PADDING.bottom),
};

/**
 * Where the view of a flow with nodes opens. The whole flow when it fits at a readable zoom (the
 * same framing as the Fit button); otherwise its start, read as a person reads a page: its left
 * edge at the left, its top at the top, and centred from top to bottom when it is no taller than
 * the view. Fit (button or F) and the minimap still show all of it.
 *
 * A large flow (`overview`) opens fitted whatever the zoom: its nodes are compact bodies there (the
 * level of detail, level-of-detail.ts) and the map of the whole graph is what someone needs first.
 */
export function openViewport(
  bounds: Rect,
  view: { width: number; height: number },
  limits: { minZoom: number; maxZoom: number },
  overview: boolean,
): Viewport {
  const maxZoom = Math.min(limits.maxZoom, FIT_VIEW_OPTIONS.maxZoom ?? limits.maxZoom);
  const fitted = getViewportForBounds(bounds, view.width, view.height, limits.minZoom, maxZoom, FIT_PADDING);
  if (overview || fitted.zoom >= READABLE_ZOOM) return fitted;
  const zoom = READABLE_ZOOM;
  const room = view.height - PAD.top - PAD.bottom;
  const drawn = bounds.height * zoom;
  const top = drawn <= room ? PAD.top + (room - drawn) / 2 : PAD.top;
  return { x: PAD.left - bounds.x * zoom, y: top - bounds.y * zoom, zoom };
}
