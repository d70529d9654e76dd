import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { SourceNode } from '@baton/schema';
import { VisualMapper } from './visual-mapper';
import './mapper-side.css';

interface MapperDialogProps {
  node: SourceNode;
  onClose: () => void;
}

/**
 * The mapper full screen: a map of thirty fields needs more room than the side panel. It is a
 * portal (a fixed overlay must not sit inside the panel's scroll box) within the same React tree,
 * so it edits the same editor store and undo history.
 */
export function MapperDialog({ node, onClose }: MapperDialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('.mapper-dialog-close')?.focus();
    return () => previous?.focus?.();
  }, []);

  return createPortal(
    <div
      ref={ref}
      className="mapper-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        // The mapper stops Escape while it has a selection or popover to close first.
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="mapper-dialog-head">
        <div>
          <div className="mapper-dialog-kind">Field mapper</div>
          <h2 id={titleId}>{node.label}</h2>
        </div>
        <p className="mapper-dialog-tip">
          Drag from a source field to a target field. Click a line for transforms. Ctrl+Z undoes.
        </p>
        <button type="button" className="btn mapper-dialog-close" onClick={onClose}>
          Close mapper
        </button>
      </header>
      <VisualMapper node={node} wide />
    </div>,
    document.body,
  );
}
