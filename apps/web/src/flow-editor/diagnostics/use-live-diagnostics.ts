import { useEffect } from 'react';
import { compile } from '@baton/compiler';
import type { Diagnostic, FlowSource } from '@baton/schema';
import { useEditorStoreApi } from '../store/editor-store-context';

const DEBOUNCE_MS = 150;

/**
 * Runs the same `compile()` as the server on every change (debounced), so the canvas and the
 * runtime never disagree about what is valid. Compile problems are data; a thrown error would be
 * a compiler bug, reported as one diagnostic instead of breaking the editor.
 */
export function useLiveDiagnostics(): void {
  const store = useEditorStoreApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = (source: FlowSource) => store.getState().setDiagnostics(safeCompile(source));
    run(store.getState().source);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.source === previous.source) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => run(store.getState().source), DEBOUNCE_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store]);
}

export function safeCompile(source: FlowSource): Diagnostic[] {
  try {
    return compile(source).diagnostics;
  } catch (error) {
    return [
      {
        code: 'compiler_error',
        severity: 'error',
        message: `The compiler failed on this draft: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}
