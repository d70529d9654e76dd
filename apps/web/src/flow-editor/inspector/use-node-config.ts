import { useCallback } from 'react';
import type { SourceNode } from '@baton/schema';
import { useEditor, useEditorStoreApi } from '../store/editor-store-context';
import { updateNodeConfig } from '../commands/node-commands';

/**
 * The inspector's view of one node's config, typed by the caller's config shape, and a setter
 * that runs `updateNodeConfig`. Text fields pass a coalesce key so a typed word is one undo entry.
 * The compiler validates the config against the kind's schema; the forms only shape it.
 */
export function useNodeConfig<C>(node: SourceNode) {
  const store = useEditorStoreApi();
  const config = useEditor((s) => s.source.nodes.find((n) => n.id === node.id)?.config) as C | undefined;
  const setConfig = useCallback(
    (next: C, coalesce?: string) => {
      store
        .getState()
        .perform(
          updateNodeConfig,
          { id: node.id, config: next as Record<string, unknown> },
          coalesce ? { coalesce: `${node.id}:${coalesce}` } : undefined,
        );
    },
    [store, node.id],
  );
  return [config ?? ({} as C), setConfig] as const;
}

/** Immutable update of one array item. */
export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}
