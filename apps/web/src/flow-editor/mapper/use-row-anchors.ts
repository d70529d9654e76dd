import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { anchorOf, type Point } from './line-geometry';

export interface RowAnchors {
  sources: Record<string, Point>;
  targets: Record<string, Point>;
  width: number;
  height: number;
}

const EMPTY: RowAnchors = { sources: {}, targets: {}, width: 0, height: 0 };

/**
 * Where each field row's line attaches, measured from the DOM after every render (rows move
 * when fields are added, the sample changes or the panel resizes). State is only set when a
 * number changed, so measuring never loops.
 */
export function useRowAnchors(container: RefObject<HTMLElement | null>) {
  const sources = useRef(new Map<string, HTMLElement>());
  const targets = useRef(new Map<string, HTMLElement>());
  const [anchors, setAnchors] = useState<RowAnchors>(EMPTY);
  const [, setTick] = useState(0);

  // Every render (and every resize, through `tick`): rows move when fields or the sample change.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- by design: set only when a number moved
  useLayoutEffect(() => {
    const box = container.current?.getBoundingClientRect();
    if (!box) return;
    const read = (rows: Map<string, HTMLElement>, side: 'left' | 'right') =>
      Object.fromEntries(
        [...rows].map(([name, el]) => [name, anchorOf(el.getBoundingClientRect(), box, side)]),
      );
    const next: RowAnchors = {
      sources: read(sources.current, 'right'),
      targets: read(targets.current, 'left'),
      width: box.width,
      height: box.height,
    };
    setAnchors((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  });

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setTick((t) => t + 1));
    observer.observe(el);
    return () => observer.disconnect();
  }, [container]);

  const rowRef = useCallback(
    (side: 'source' | 'target', name: string) => (el: HTMLElement | null) => {
      const rows = side === 'source' ? sources.current : targets.current;
      if (el) rows.set(name, el);
      else rows.delete(name);
    },
    [],
  );

  return { anchors, rowRef };
}
