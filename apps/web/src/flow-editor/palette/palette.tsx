import { useState, type Ref } from 'react';
import { useDraggable } from '@dnd-kit/core';
import type { KindSpec } from '@baton/nodes';
import type { NodeKind } from '@baton/schema';
import { paletteKinds } from '../kinds/kind-catalog';
import { Glyph } from '../../ui/glyph';
import { kindColor } from '../../trace/kind-look';
import './palette.css';

export const PALETTE_DRAG_PREFIX = 'palette:';

export interface PaletteDragData {
  kind: NodeKind;
}

export interface PaletteProps {
  /** Keyboard alternative to dragging: adds the kind in the middle of the visible canvas. */
  onAdd: (kind: NodeKind) => void;
  /** The filter box, so the `/` shortcut can focus it. */
  searchRef?: Ref<HTMLInputElement>;
}

/** Whether a kind matches the palette filter: title, kind id, description or group, any case. */
export function matchesPaletteQuery(spec: KindSpec, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [spec.title, spec.kind, spec.description, spec.palette.group].some((text) =>
    text.toLowerCase().includes(q),
  );
}

export function Palette({ onAdd, searchRef }: PaletteProps) {
  const [query, setQuery] = useState('');
  const visible = paletteKinds.filter((spec) => matchesPaletteQuery(spec, query));
  const groups = new Map<string, KindSpec[]>();
  for (const spec of visible) {
    const list = groups.get(spec.palette.group) ?? [];
    list.push(spec);
    groups.set(spec.palette.group, list);
  }
  return (
    <aside className="palette" aria-label="Palette">
      <div className="panel-title">Nodes</div>
      <input
        ref={searchRef}
        className="input palette-search"
        type="search"
        placeholder="Search nodes (/)"
        aria-label="Search nodes"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          // Enter adds the first match: type "val", Enter, and a validation node is on the canvas.
          const first = visible[0];
          if (event.key === 'Enter' && first) {
            event.preventDefault();
            onAdd(first.kind);
          } else if (event.key === 'Escape') {
            // First Escape clears the filter, the second hands the keys back to the canvas.
            if (query) setQuery('');
            else event.currentTarget.blur();
          }
        }}
      />
      <p className="palette-hint">
        Drag onto the canvas, or focus one: Enter adds it, Space carries it with the arrow keys.
      </p>
      {visible.length === 0 ? (
        <p className="palette-empty" role="status">
          No node matches “{query}”.
        </p>
      ) : null}
      {[...groups].map(([group, specs]) => (
        <section key={group} className="palette-group" aria-label={group}>
          <h3>{group}</h3>
          {specs.map((spec) => (
            <PaletteEntry key={spec.kind} spec={spec} onAdd={onAdd} />
          ))}
        </section>
      ))}
    </aside>
  );
}

function PaletteEntry({ spec, onAdd }: { spec: KindSpec; onAdd: (kind: NodeKind) => void }) {
  const data: PaletteDragData = { kind: spec.kind };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `${PALETTE_DRAG_PREFIX}${spec.kind}`,
    data,
  });
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      className={`palette-entry ${isDragging ? 'is-dragging' : ''}`}
      style={{ ['--kind-color' as string]: kindColor(spec.kind) }}
      title={spec.description}
      data-kind={spec.kind}
      onKeyDown={(event) => {
        // Enter adds at the centre of the canvas; Space (dnd-kit's KeyboardSensor) picks it up.
        // While it is carried, Enter is the sensor's drop (its listener is on the document, after
        // this one), not a second add.
        if (event.key === 'Enter' && !isDragging) {
          event.preventDefault();
          onAdd(spec.kind);
        } else {
          listeners?.onKeyDown?.(event);
        }
      }}
    >
      <PaletteCard spec={spec} />
    </div>
  );
}

/** The entry's face; also drawn in the drag overlay that follows the pointer. */
export function PaletteCard({ spec }: { spec: KindSpec }) {
  return (
    <>
      <span className="palette-glyph">
        <Glyph name={spec.palette.glyph} />
      </span>
      <span className="palette-text">
        <span className="palette-title">{spec.title}</span>
        <span className="palette-desc">{spec.description}</span>
      </span>
    </>
  );
}
