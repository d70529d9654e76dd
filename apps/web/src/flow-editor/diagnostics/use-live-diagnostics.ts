import { useEffect } from 'react';
import type { Diagnostic, FlowSource } from '@baton/schema';
import { useEditorStoreApi } from '../store/editor-store-context';
import { safeCompile } from './safe-compile';

export { safeCompile } from './safe-compile';

const DEBOUNCE_MS = 150;

interface CompileAnswer {
  seq: number;
  diagnostics: Diagnostic[];
}

/**
 * Runs the same `compile()` as the server on every change (debounced), so the canvas and the
 * runtime never disagree about what is valid. The compile runs in a Web Worker so a large graph
 * never stalls a drag; where workers are missing (tests, old browsers) it runs inline. Layout-only
 * changes (a drag) skip the compile: positions are ignored by the compiler.
 */
export function useLiveDiagnostics(): void {
  const store = useEditorStoreApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let seq = 0;
    let worker = startWorker();
    if (worker) {
      worker.onmessage = (event: MessageEvent<CompileAnswer>) => {
        // An answer to an older request would show diagnostics of a draft that is gone.
        if (event.data.seq === seq) store.getState().setDiagnostics(event.data.diagnostics);
      };
      // A worker that fails to load (blocked by a policy) must not leave the editor silent.
      worker.onerror = () => {
        worker?.terminate();
        worker = null;
        run(store.getState().source);
      };
    }
    function run(source: FlowSource) {
      seq += 1;
      if (worker) worker.postMessage({ seq, source });
      else store.getState().setDiagnostics(safeCompile(source));
    }
    run(store.getState().source);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.source === previous.source) return;
      if (onlyLayoutChanged(state.source, previous.source)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => run(store.getState().source), DEBOUNCE_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      worker?.terminate();
    };
  }, [store]);
}

function onlyLayoutChanged(next: FlowSource, previous: FlowSource): boolean {
  return (
    next.nodes === previous.nodes &&
    next.edges === previous.edges &&
    next.meta === previous.meta &&
    next.schemaVersion === previous.schemaVersion
  );
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./compile-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}
