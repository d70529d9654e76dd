import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
} from 'react';
import type { Point } from './line-geometry';

export interface LineDrag {
  from: string;
  /** The pointer, relative to the mapper's line layer. */
  point: Point;
}

/** Past this distance a press on a source row is a drag, not a click. */
const DRAG_THRESHOLD = 4;

/**
 * Dragging a line from a source row. Pointer moves are followed on `window` so the line keeps up
 * when the pointer leaves the row; on release, the target row under the pointer (marked with
 * `data-mapper-target`) receives the line. A press without movement stays a click.
 */
export function useLineDrag(
  container: RefObject<HTMLElement | null>,
  onDrop: (from: string, to: string) => void,
) {
  const [drag, setDrag] = useState<LineDrag | null>(null);
  const press = useRef<{ from: string; x: number; y: number; active: boolean } | null>(null);
  const suppressClick = useRef(false);
  const dropRef = useRef(onDrop);
  useLayoutEffect(() => {
    dropRef.current = onDrop;
  });
  const cleanup = useRef<(() => void) | null>(null);

  useEffect(() => () => cleanup.current?.(), []);

  const startDrag = useCallback(
    (from: string) => (event: ReactPointerEvent) => {
      if (event.button !== 0) return;
      press.current = { from, x: event.clientX, y: event.clientY, active: false };
      const relative = (e: PointerEvent): Point => {
        const box = container.current?.getBoundingClientRect();
        return { x: e.clientX - (box?.left ?? 0), y: e.clientY - (box?.top ?? 0) };
      };
      const onMove = (e: PointerEvent) => {
        const p = press.current;
        if (!p) return;
        if (!p.active && Math.hypot(e.clientX - p.x, e.clientY - p.y) < DRAG_THRESHOLD) return;
        p.active = true;
        e.preventDefault();
        setDrag({ from: p.from, point: relative(e) });
      };
      const onUp = (e: PointerEvent) => {
        const p = press.current;
        detach();
        press.current = null;
        if (!p?.active) return;
        setDrag(null);
        suppressClick.current = true;
        setTimeout(() => (suppressClick.current = false), 0);
        const hit = document
          .elementFromPoint(e.clientX, e.clientY)
          ?.closest<HTMLElement>('[data-mapper-target]');
        const to = hit?.dataset['mapperTarget'];
        if (to) dropRef.current(p.from, to);
      };
      const detach = () => {
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onUp);
        cleanup.current = null;
      };
      cleanup.current?.();
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
      cleanup.current = detach;
    },
    [container],
  );

  /** True for the click that ends a drag, which must not also toggle the source's selection. */
  const wasDrag = useCallback(() => suppressClick.current, []);

  return { drag, startDrag, wasDrag };
}
