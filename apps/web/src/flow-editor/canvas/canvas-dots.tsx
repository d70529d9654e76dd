import { useId } from 'react';
import { ViewportPortal } from '@xyflow/react';

/** Dots every two grid cells, in flow coordinates (the same spacing as before: 20 px at zoom 1). */
const GAP = 20;
const RADIUS = 0.6;
/** Far enough that no pan or zoom (min 0.2) reaches an edge of the dotted area. */
const EXTENT = 200_000;

/**
 * The dotted canvas background, drawn inside the viewport instead of over the pane (React Flow's
 * `<Background>`). `<Background>` moves its SVG pattern on every viewport change, so each pan and
 * zoom frame repainted and rasterised the whole canvas area; inside the viewport the dots move
 * with the transform like the nodes do, and a pan only shifts already painted pixels. The dots sit
 * where `<Background gap={20} size={1.2}>` put them (centres at 10.6 + 20k in flow coordinates)
 * and scale with the zoom as they did.
 */
export function CanvasDots() {
  // Unique per canvas (two editors can be open side by side), and safe inside `url(#…)`.
  const patternId = `canvas-dots-${useId().replace(/[^\w-]/g, '')}`;
  return (
    <ViewportPortal>
      <svg
        className="canvas-dots"
        aria-hidden="true"
        width={2 * EXTENT}
        height={2 * EXTENT}
        viewBox={`${-EXTENT} ${-EXTENT} ${2 * EXTENT} ${2 * EXTENT}`}
        style={{ left: -EXTENT, top: -EXTENT }}
      >
        <pattern
          id={patternId}
          x={0}
          y={0}
          width={GAP}
          height={GAP}
          patternUnits="userSpaceOnUse"
          patternTransform={`translate(${-GAP / 2},${-GAP / 2})`}
        >
          <circle cx={RADIUS} cy={RADIUS} r={RADIUS} />
        </pattern>
        <rect x={-EXTENT} y={-EXTENT} width={2 * EXTENT} height={2 * EXTENT} fill={`url(#${patternId})`} />
      </svg>
    </ViewportPortal>
  );
}
