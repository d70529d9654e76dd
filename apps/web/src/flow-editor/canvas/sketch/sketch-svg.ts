import { EDGE_STATES, type SketchNode, type SketchScene, type SketchState } from './sketch-scene';

/**
 * The sketch of one region of the flow as SVG markup: the nodes and edges that reach into the
 * region, drawn as canvas.css's compact bodies and solid edges, in flow coordinates (the `viewBox`
 * is the region). Sizes are canvas.css's, in flow units.
 */

const NODE_RADIUS = 10;
const KIND_BAR = 4;
/** Where the bar's inner edge meets the corner arc: 10 − √(10² − 6²). */
const BAR_INSET = NODE_RADIUS - Math.sqrt(NODE_RADIUS ** 2 - (NODE_RADIUS - KIND_BAR) ** 2);
// The compact label's place in the body: after the 4 px kind border and 12 px padding, where the
// `::before` copy sits (margin-left -40 px over the 30 px icon tile and 10 px gap), on the first
// line of the titles (10 px padding, 13 px text on a 1.45 line).
const LABEL_X = 16;
const LABEL_BASELINE = 24;
const HANDLE_RADIUS = 7;
const HANDLE_RING = 2;

/** A rectangle in flow coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

// The canvas's dot grid (canvas-dots.tsx): a 0.6 radius dot every 20 flow units, centred at
// 10.6 + 20k, in canvas.css's dot colour.
const DOT_GAP = 20;
const DOT_RADIUS = 0.6;
const DOT_COLOR = '#c9ced8';

/**
 * The SVG for `region`, drawn `width` × `height` px (the region at the view's zoom), with the dot
 * grid under the graph when the canvas shows it (`dots`).
 */
export function sketchSvg(
  scene: SketchScene,
  region: Rect,
  width: number,
  height: number,
  dots: boolean,
): string {
  const { palette } = scene;
  const right = region.x + region.width;
  const bottom = region.y + region.height;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="${n(region.x)} ${n(region.y)} ${n(region.width)} ${n(region.height)}">`,
  ];
  if (dots)
    parts.push(
      `<pattern id="sketch-dots" x="${-DOT_GAP / 2}" y="${-DOT_GAP / 2}" width="${DOT_GAP}" height="${DOT_GAP}" patternUnits="userSpaceOnUse"><circle cx="${DOT_RADIUS}" cy="${DOT_RADIUS}" r="${DOT_RADIUS}" fill="${DOT_COLOR}"/></pattern>`,
      `<rect x="${n(region.x)}" y="${n(region.y)}" width="${n(region.width)}" height="${n(region.height)}" fill="url(#sketch-dots)"/>`,
    );

  for (const state of EDGE_STATES) {
    const paths: string[] = [];
    for (const edge of scene.edges[state]) {
      if (edge.maxX < region.x || edge.minX > right || edge.maxY < region.y || edge.minY > bottom) continue;
      paths.push(edge.path);
    }
    // One path element per stroke style: fewer elements to parse, lay out and paint.
    if (paths.length)
      parts.push(
        `<path fill="none" stroke="${edgeColor(palette, state)}" stroke-width="${state === 'selected' ? 2.5 : 2}" d="${paths.join(' ')}"/>`,
      );
  }

  const inView: SketchNode[] = [];
  for (const node of scene.nodes) {
    if (
      node.x > right ||
      node.y > bottom ||
      node.x + node.width < region.x ||
      node.y + node.height < region.y
    )
      continue;
    inView.push(node);
    parts.push(body(node, palette));
  }
  // Handles after every body: a handle sticks out of its node and may lie over a neighbour.
  for (const node of inView) {
    for (const h of node.handles)
      parts.push(
        `<circle cx="${n(h.x)}" cy="${n(h.y)}" r="${HANDLE_RADIUS}" fill="${node.color}" stroke="${palette.surface}" stroke-width="${HANDLE_RING}"/>`,
      );
  }
  parts.push(
    `<g font-weight="620" font-size="13" fill="${palette.text}" style="white-space:pre">`,
    ...inView.map(
      (node) =>
        `<text x="${n(node.x + LABEL_X)}" y="${n(node.y + LABEL_BASELINE)}">${escapeXml(node.label)}</text>`,
    ),
    '</g></svg>',
  );
  return parts.join('');
}

function body(node: SketchNode, palette: SketchScene['palette']): string {
  const { x, y, width, height } = node;
  const border = borderColor(palette, node.state);
  const out: string[] = [];
  // The ring outside the border (box-shadow spread): 3 px accent when selected, 2 px of the
  // problem colour at a quarter strength otherwise.
  if (node.state !== 'plain') {
    const ring = node.state === 'selected' ? 3 : 2;
    out.push(
      `<rect x="${n(x - ring / 2)}" y="${n(y - ring / 2)}" width="${n(width + ring)}" height="${n(height + ring)}" rx="${NODE_RADIUS + ring / 2}" fill="none" stroke="${border}" stroke-width="${ring}"${node.state === 'selected' ? '' : ' stroke-opacity="0.25"'}/>`,
    );
  }
  out.push(
    `<rect x="${n(x + 0.5)}" y="${n(y + 0.5)}" width="${n(width - 1)}" height="${n(height - 1)}" rx="${NODE_RADIUS - 0.5}" fill="${node.tint}" stroke="${border}"/>`,
    // The kind colour's left border, inside the rounded corners: a path with the body's left
    // corners, not a clip (one element, no clip chunk).
    `<path fill="${node.color}" d="M${n(x + KIND_BAR)} ${n(y + BAR_INSET)}V${n(y + height - BAR_INSET)}A${NODE_RADIUS} ${NODE_RADIUS} 0 0 1 ${n(x)} ${n(y + height - NODE_RADIUS)}V${n(y + NODE_RADIUS)}A${NODE_RADIUS} ${NODE_RADIUS} 0 0 1 ${n(x + KIND_BAR)} ${n(y + BAR_INSET)}Z"/>`,
  );
  return out.join('');
}

function edgeColor(palette: SketchScene['palette'], state: SketchState): string {
  if (state === 'selected') return palette.accent;
  if (state === 'error') return palette.danger;
  if (state === 'warning') return palette.warning;
  return palette.edge;
}

function borderColor(palette: SketchScene['palette'], state: SketchState): string {
  if (state === 'plain') return palette.border;
  return edgeColor(palette, state);
}

/** Coordinates with at most two decimals: shorter markup, no visible difference. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Node names are the user's text: escaped, so markup in a name stays text. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
