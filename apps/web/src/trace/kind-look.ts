/** Colour per kind, shared by the canvas, palette and traces (CSS variables in base.css). */
export function kindColor(kind: string): string {
  return `var(--kind-${kind}, var(--text-muted))`;
}
