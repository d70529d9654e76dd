import { useEffect } from 'react';
import { useEditorStoreApi } from '../store/editor-store-context';
import { applyLayout } from '../commands/paste-commands';
import { replaceSource } from '../commands/source-commands';
import { layoutPositions, needsLayout } from './auto-layout';

/**
 * Lays out a flow that arrives without positions: one opened as written by hand or by the API,
 * and one imported through the JSON view. Positions come as their own undo entry, so Undo first
 * takes back the layout and then the import. An undo never triggers it (`lastCommand` is null).
 */
export function useLayoutOnImport(grid: number): void {
  const store = useEditorStoreApi();
  useEffect(() => {
    const layOut = () => {
      const state = store.getState();
      state.perform(applyLayout, { positions: layoutPositions(state.source, { grid }) });
    };
    if (needsLayout(store.getState().source)) layOut();
    return store.subscribe((state, previous) => {
      if (state.source === previous.source || state.lastCommand !== replaceSource.commandName) return;
      if (needsLayout(state.source)) queueMicrotask(layOut);
    });
  }, [store, grid]);
}
