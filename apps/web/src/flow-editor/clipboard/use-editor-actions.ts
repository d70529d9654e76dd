import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditorStoreApi } from '../store/editor-store-context';
import { newEdgeId, newNodeId } from '../commands/ids';
import { pasteNodes, applyLayout } from '../commands/paste-commands';
import { removeElements } from '../commands/selection-commands';
import { layoutPositions } from '../layout/auto-layout';
import { GRID } from '../canvas/flow-canvas';
import { ANIMATED_FIT } from '../canvas/fit-view';
import {
  CLIPBOARD_FORMAT,
  PASTE_OFFSET,
  copySelection,
  parseClipboard,
  remapPayload,
  type ClipboardPayload,
} from './clipboard';

// The last copy of this tab. The system clipboard is the real one (it crosses flows and tabs),
// but a browser may refuse to read it without a user prompt; this keeps Paste working anyway.
let lastCopy: ClipboardPayload | null = null;

export interface EditorActions {
  /** Copies the selected nodes; returns the clipboard text (for a `copy` event) or null. */
  copy: () => string | null;
  cut: () => string | null;
  /** Pastes clipboard text, or this tab's last copy when the text is not Baton nodes. */
  paste: (text?: string) => void;
  duplicate: () => void;
  selectAll: () => void;
  autoLayout: () => void;
  toggleSnap: () => void;
  fit: () => void;
  renameSelected: () => void;
}

/** Every canvas action the toolbar buttons and keyboard shortcuts share, each one named command. */
export function useEditorActions(): EditorActions {
  const store = useEditorStoreApi();
  const { fitView } = useReactFlow();
  return useMemo<EditorActions>(() => {
    const insert = (payload: ClipboardPayload) => {
      const copy = remapPayload(payload, { node: newNodeId, edge: newEdgeId }, PASTE_OFFSET);
      const state = store.getState();
      state.perform(pasteNodes, { payload: copy });
      state.select({ nodes: copy.nodes.map((n) => n.id), edges: copy.edges.map((e) => e.id) });
      return copy;
    };
    const copy = () => {
      const { source, selection } = store.getState();
      const payload = copySelection(source, selection.nodes);
      if (!payload) return null;
      lastCopy = payload;
      const text = JSON.stringify(payload);
      // Best effort for the toolbar button; the keyboard path writes through the `copy` event.
      void navigator.clipboard?.writeText(text).catch(() => undefined);
      return text;
    };
    return {
      copy,
      cut() {
        const text = copy();
        const { selection } = store.getState();
        if (text) store.getState().perform(removeElements, { nodeIds: selection.nodes, edgeIds: [] });
        return text;
      },
      paste(text) {
        const payload = (text ? parseClipboard(text) : null) ?? lastCopy;
        if (!payload) return;
        // Each paste lands one offset further than the last, so repeated pastes fan out.
        lastCopy = { ...insert(payload), format: CLIPBOARD_FORMAT };
      },
      duplicate() {
        const { source, selection } = store.getState();
        const payload = copySelection(source, selection.nodes);
        if (payload) insert(payload);
      },
      selectAll() {
        const { source } = store.getState();
        store
          .getState()
          .select({ nodes: source.nodes.map((n) => n.id), edges: source.edges.map((e) => e.id) });
      },
      autoLayout() {
        const state = store.getState();
        state.perform(applyLayout, {
          positions: layoutPositions(state.source, { sizes: state.measured, grid: GRID }),
        });
        // Let React Flow take the new positions before framing them.
        requestAnimationFrame(() => void fitView(ANIMATED_FIT));
      },
      toggleSnap() {
        const state = store.getState();
        state.setSnapToGrid(!state.snapToGrid);
      },
      fit() {
        void fitView(ANIMATED_FIT);
      },
      renameSelected() {
        const { selection } = store.getState();
        if (selection.nodes.length === 1) store.getState().setRenaming(selection.nodes[0] ?? null);
      },
    };
  }, [store, fitView]);
}
