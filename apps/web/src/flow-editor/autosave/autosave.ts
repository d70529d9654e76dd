import type { FlowSource } from '@baton/schema';
import { errorMessage } from '../../api/api-error';
import type { EditorStore } from '../store/editor-store';

export interface Autosaver {
  /** Saves now if anything is unsaved; resolves when the store's current revision is on the server. */
  flush(): Promise<void>;
  stop(): void;
}

export interface AutosaveOptions {
  save: (source: FlowSource) => Promise<unknown>;
  delayMs?: number;
}

/**
 * Debounced draft saving, outside React so it can be tested with fake timers. One PUT is in flight
 * at a time; edits made meanwhile are saved by the next round. A failed save stays "Save failed"
 * until the next edit or an explicit `flush()` (the indicator's retry).
 */
export function startAutosave(store: EditorStore, { save, delayMs = 600 }: AutosaveOptions): Autosaver {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let stopped = false;

  const saveOnce = async (): Promise<void> => {
    const { source, revision, savedRevision } = store.getState();
    if (revision === savedRevision) return;
    store.getState().markSaving();
    try {
      await save(source);
      store.getState().markSaved(revision);
    } catch (error) {
      store.getState().markSaveFailed(errorMessage(error));
      throw error;
    }
  };

  const run = (): Promise<void> => {
    if (inFlight) return inFlight.then(run, run);
    inFlight = saveOnce().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      run().catch(() => undefined);
    }, delayMs);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.revision !== previous.revision) schedule();
  });

  return {
    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      await run();
      // An edit may have landed while the first round was in flight.
      const { revision, savedRevision } = store.getState();
      if (revision !== savedRevision) await run();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      unsubscribe();
    },
  };
}
