import { useEffect } from 'react';
import { useEditorStoreApi } from '../store/editor-store-context';
import type { EditorActions } from '../clipboard/use-editor-actions';

export interface CanvasShortcutOptions {
  actions: EditorActions;
  openHelp: () => void;
  focusPaletteSearch: () => void;
}

/**
 * The canvas shortcuts (listed in shortcut-list.ts). They stay out of the way of text fields,
 * Monaco and open dialogs, which keep their own keys. Copy and paste go through the browser's
 * `copy`/`paste` events, which may touch the system clipboard without a permission prompt, so
 * nodes copied in one flow paste into another, in another tab too.
 */
export function useCanvasShortcuts({ actions, openHelp, focusPaletteSearch }: CanvasShortcutOptions): void {
  const store = useEditorStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Handled already: e.g. Escape cancelling a palette entry carried with the keyboard (dnd-kit's
      // KeyboardSensor listens on the document, before this window listener).
      if (event.defaultPrevented || isOwnedElsewhere(event.target) || event.altKey) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'd') {
        event.preventDefault();
        actions.duplicate();
      } else if (mod && key === 'a') {
        event.preventDefault();
        actions.selectAll();
      } else if (mod) {
        return;
      } else if (event.key === '?') {
        event.preventDefault();
        openHelp();
      } else if (event.key === '/') {
        event.preventDefault();
        focusPaletteSearch();
      } else if (key === 'l') {
        actions.autoLayout();
      } else if (key === 'g') {
        actions.toggleSnap();
      } else if (key === 'f') {
        actions.fit();
      } else if (event.key === 'F2') {
        event.preventDefault();
        actions.renameSelected();
      } else if (event.key === 'Escape') {
        store.getState().select({ nodes: [], edges: [] });
      }
    };
    const onCopy = (event: ClipboardEvent) => {
      if (isOwnedElsewhere(event.target) || hasTextSelection()) return;
      const text = actions.copy();
      if (text === null) return;
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    const onCut = (event: ClipboardEvent) => {
      if (isOwnedElsewhere(event.target) || hasTextSelection()) return;
      const text = actions.cut();
      if (text === null) return;
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isOwnedElsewhere(event.target)) return;
      event.preventDefault();
      actions.paste(event.clipboardData?.getData('text/plain') ?? '');
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, actions, openHelp, focusPaletteSearch]);
}

/** Text fields, Monaco and dialogs handle their own keys and clipboard. */
function isOwnedElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor, [role="dialog"]')) return true;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Selected page text (a trace, an error) copies as text, not as nodes. */
function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim().length > 0;
}
