export interface Point {
  x: number;
  y: number;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a line leaves a source row (its right edge, middle) or enters a target row (left edge). */
export function anchorOf(row: Box, container: Box, side: 'right' | 'left'): Point {
  return {
    x: (side === 'right' ? row.left + row.width : row.left) - container.left,
    y: row.top + row.height / 2 - container.top,
  };
}

/**
 * A horizontal S-curve between two anchors: both control points sit half the horizontal gap
 * away, so lines leave and enter the columns level and bundles of lines stay readable.
 */
export function linePath(from: Point, to: Point): string {
  const bend = Math.max(24, Math.abs(to.x - from.x) / 2);
  return `M ${r(from.x)} ${r(from.y)} C ${r(from.x + bend)} ${r(from.y)}, ${r(to.x - bend)} ${r(to.y)}, ${r(to.x)} ${r(to.y)}`;
}

/** The curve's point at t = 0.5, where a line's transform badge sits and its popover opens. */
export function lineMidpoint(from: Point, to: Point): Point {
  // For this symmetric cubic the midpoint is exactly halfway between the anchors.
  return { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
}

function r(n: number): number {
  return Math.round(n * 10) / 10;
}
