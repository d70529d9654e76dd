import { lineMidpoint, linePath, type Point } from './line-geometry';
import type { RowAnchors } from './use-row-anchors';
import type { LineDrag } from './use-line-drag';

export interface MapperLine {
  from: string;
  to: string;
  transforms: number;
  hasError: boolean;
}

interface MapperLinesProps {
  lines: readonly MapperLine[];
  anchors: RowAnchors;
  drag: LineDrag | null;
  active: string | null;
  onOpen: (to: string) => void;
}

/**
 * The SVG lines between the columns, and one small button at each line's middle: the line is
 * the mouse's target, the button the keyboard's (and it shows how many transforms apply).
 */
export function MapperLines({ lines, anchors, drag, active, onOpen }: MapperLinesProps) {
  const drawn = lines.flatMap((line) => {
    const from = anchors.sources[line.from];
    const to = anchors.targets[line.to];
    return from && to ? [{ ...line, a: from, b: to }] : [];
  });
  const dragFrom = drag ? anchors.sources[drag.from] : undefined;
  return (
    <>
      <svg className="mapper-lines" width={anchors.width} height={anchors.height} aria-hidden="true">
        {drawn.map(({ to, a, b, hasError }) => {
          const d = linePath(a, b);
          const cls = `mapper-line${active === to ? ' is-active' : ''}${hasError ? ' has-error' : ''}`;
          return (
            <g key={to} className={cls} data-line-to={to} onClick={() => onOpen(to)}>
              <path className="mapper-line-hit" d={d} />
              <path className="mapper-line-path" d={d} />
              <circle className="mapper-line-end" cx={a.x} cy={a.y} r={3.5} />
              <circle className="mapper-line-end" cx={b.x} cy={b.y} r={3.5} />
            </g>
          );
        })}
        {drag && dragFrom ? <path className="mapper-line-ghost" d={linePath(dragFrom, drag.point)} /> : null}
      </svg>
      {drawn.map(({ from, to, a, b, transforms, hasError }) => (
        <LineBadge
          key={to}
          at={lineMidpoint(a, b)}
          to={to}
          label={`Edit mapping ${from} → ${to}`}
          count={transforms}
          hasError={hasError}
          active={active === to}
          onClick={() => onOpen(to)}
        />
      ))}
    </>
  );
}

function LineBadge(props: {
  at: Point;
  to: string;
  label: string;
  count: number;
  hasError: boolean;
  active: boolean;
  onClick: () => void;
}) {
  const { at, to, label, count, hasError, active, onClick } = props;
  return (
    <button
      type="button"
      className={`mapper-line-badge${active ? ' is-active' : ''}${hasError ? ' has-error' : ''}${count > 0 ? ' has-transforms' : ''}`}
      style={{ left: at.x, top: at.y }}
      aria-label={label}
      data-badge-to={to}
      title={count > 0 ? `${count} transform${count === 1 ? '' : 's'}` : 'No transforms: click to add'}
      onClick={onClick}
    >
      {hasError ? '!' : count > 0 ? `ƒ${count}` : '+'}
    </button>
  );
}
