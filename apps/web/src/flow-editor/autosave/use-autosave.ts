import { useCallback, useEffect, useRef } from 'react';
import { flowsApi } from '../../api/flows-api';
import { useEditorStoreApi } from '../store/editor-store-context';
import { startAutosave, type Autosaver } from './autosave';

/**
 * Saves the draft while the editor is open and returns `flush()`, which test runs and publishing
 * await so the server works on exactly what the user sees. Warns before leaving with unsaved edits.
 */
export function useAutosave(): () => Promise<void> {
  const store = useEditorStoreApi();
  const saver = useRef<Autosaver | null>(null);

  useEffect(() => {
    const flowId = store.getState().flowId;
    const autosaver = startAutosave(store, { save: (source) => flowsApi.saveDraft(flowId, source) });
    saver.current = autosaver;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (store.getState().saveState !== 'saved') event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      // Leaving the editor (route change): save what is pending instead of dropping it.
      autosaver.flush().catch(() => undefined);
      autosaver.stop();
      saver.current = null;
    };
  }, [store]);

  return useCallback(async () => {
    await saver.current?.flush();
  }, []);
}
