import { useEditor } from '../store/editor-store-context';
import type { EditorActions } from '../clipboard/use-editor-actions';

export interface CanvasToolsProps {
  actions: EditorActions;
  onHelp: () => void;
}

/** The tool strip over the canvas; every button names its shortcut in the tooltip. */
export function CanvasTools({ actions, onHelp }: CanvasToolsProps) {
  const snap = useEditor((s) => s.snapToGrid);
  const selectedNodes = useEditor((s) => s.selection.nodes.length);
  const empty = useEditor((s) => s.source.nodes.length === 0);
  return (
    <div className="canvas-tools" role="toolbar" aria-label="Canvas tools">
      <button
        type="button"
        className="btn"
        onClick={actions.autoLayout}
        disabled={empty}
        title="Arrange the graph left to right (L)"
      >
        Auto-layout
      </button>
      <button
        type="button"
        className="btn"
        aria-pressed={snap}
        onClick={actions.toggleSnap}
        title="Snap nodes to the grid while dragging (G)"
      >
        Snap to grid
      </button>
      <button type="button" className="btn" onClick={actions.fit} disabled={empty} title="Fit view (F)">
        Fit
      </button>
      <button
        type="button"
        className="btn"
        onClick={actions.duplicate}
        disabled={selectedNodes === 0}
        title="Duplicate the selected nodes (Ctrl+D)"
      >
        Duplicate
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => actions.copy()}
        disabled={selectedNodes === 0}
        title="Copy the selected nodes (Ctrl+C)"
      >
        Copy
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void readClipboard().then((text) => actions.paste(text))}
        title="Paste (Ctrl+V)"
      >
        Paste
      </button>
      <button
        type="button"
        className="btn"
        onClick={onHelp}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
    </div>
  );
}

/** The system clipboard's text when the browser lets us read it; otherwise the tab's last copy. */
async function readClipboard(): Promise<string> {
  try {
    return (await navigator.clipboard?.readText()) ?? '';
  } catch {
    return '';
  }
}
