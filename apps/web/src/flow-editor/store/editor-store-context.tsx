import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { FlowSource } from '@baton/schema';
import { createEditorStore, type EditorState, type EditorStore } from './editor-store';

const EditorStoreContext = createContext<EditorStore | null>(null);

export interface EditorStoreProviderProps {
  flowId: string;
  initialSource: FlowSource;
  children: ReactNode;
}

/** Creates the flow's store once for the lifetime of the provider (remount it to open another flow). */
export function EditorStoreProvider({ flowId, initialSource, children }: EditorStoreProviderProps) {
  const [store] = useState(() => createEditorStore(flowId, initialSource));
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditor must be used inside <EditorStoreProvider>');
  return store;
}

/** Subscribes to a slice of the open flow's store; components re-render only when it changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
