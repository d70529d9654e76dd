import { NODE_KINDS } from '@baton/schema';
import { kindColor } from '../../../trace/kind-look';
import type { SketchPalette } from './sketch-scene';

/** The body's tint of its kind colour (canvas.css: `color-mix(in srgb, kind 12%, surface)`). */
const TINT = 0.12;

/**
 * The sketch's colours, read from the CSS variables that style the DOM canvas (styles/base.css,
 * canvas.css), so the two cannot drift apart. A probe element inside `host` resolves each variable
 * to an `rgb()` value; read once per canvas, as the variables do not change at run time.
 */
export function readSketchPalette(host: HTMLElement): SketchPalette {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  host.appendChild(probe);
  const resolve = (value: string) => {
    probe.style.color = value;
    return getComputedStyle(probe).color;
  };
  const surface = resolve('var(--surface)');
  const kind = (color: string) => ({ color, tint: mix(color, surface, TINT) });
  const palette: SketchPalette = {
    text: resolve('var(--text)'),
    border: resolve('var(--border-strong)'),
    surface,
    accent: resolve('var(--accent)'),
    danger: resolve('var(--danger)'),
    warning: resolve('var(--warning)'),
    // canvas.css `.react-flow__edge-path.baton-edge`
    edge: '#98a2b3',
    kinds: Object.fromEntries(NODE_KINDS.map((k) => [k, kind(resolve(kindColor(k)))])),
    fallbackKind: kind(resolve('var(--text-muted)')),
  };
  probe.remove();
  return palette;
}

/** `share` of `color` over `base`, both `rgb()`/`rgba()` strings as computed styles give them. */
export function mix(color: string, base: string, share: number): string {
  const a = channels(color);
  const b = channels(base);
  const out = a.map((value, i) => Math.round(value * share + (b[i] ?? 0) * (1 - share)));
  return `rgb(${out.join(', ')})`;
}

function channels(rgb: string): number[] {
  return (rgb.match(/\d+(?:\.\d+)?/g) ?? []).slice(0, 3).map(Number);
}
