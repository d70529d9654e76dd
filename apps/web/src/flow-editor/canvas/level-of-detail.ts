import type { ReactFlowState } from '@xyflow/react';

// Past this many nodes only the ones in view are
// rendered: a 500-node flow then pans and zooms at the cost of the visible part, not of the whole
// graph. The same threshold turns on the level of detail below.
export const RENDER_VISIBLE_ONLY_FROM = 150;

// Below this zoom a node's text is too small to read (13 px label under 6.5 px on screen): a large
// flow then draws its nodes as compact bodies (canvas.css, "Level of detail").
export const ZOOMED_OUT_BELOW = 0.5;

export const selectZoomedOut = (s: ReactFlowState) => s.transform[2] < ZOOMED_OUT_BELOW;

/**
 * A large flow zoomed out: its edge labels are not drawn (canvas.css hides them), so edge views
 * leave them out of the DOM too: an edge that comes into view during a pan or zoom then mounts
 * one SVG path group instead of also a label element in the label layer.
 */
export const selectCompactEdges = (s: ReactFlowState) =>
  s.transform[2] < ZOOMED_OUT_BELOW && s.nodeLookup.size >= RENDER_VISIBLE_ONLY_FROM;

/**
 * The name a compact node body shows (canvas.css draws it without a clip, see there): names longer
 * than ~24 characters, which would run past the node's edge at 13 px, are cut with an ellipsis.
 */
export const COMPACT_LABEL_CHARS = 24;

export function compactLabel(name: string): string {
  if (name.length <= COMPACT_LABEL_CHARS) return name;
  return `${name.slice(0, COMPACT_LABEL_CHARS - 1).trimEnd()}…`;
}
