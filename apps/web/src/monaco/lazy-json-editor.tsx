import { lazy, Suspense } from 'react';
import type { MonacoJsonEditorProps } from './monaco-json-editor';
import { Skeleton } from '../ui/state-views';

const MonacoJsonEditor = lazy(() =>
  import('./monaco-json-editor').then((m) => ({ default: m.MonacoJsonEditor })),
);

/** The JSON editor behind a Suspense boundary: Monaco (several MB) loads only when first shown. */
export function LazyJsonEditor(props: MonacoJsonEditorProps) {
  return (
    <Suspense
      fallback={
        <div className="editor-loading" role="status" aria-label="Loading editor">
          <Skeleton height={12} width="70%" />
          <Skeleton height={12} width="50%" />
          <Skeleton height={12} width="60%" />
        </div>
      }
    >
      <MonacoJsonEditor {...props} />
    </Suspense>
  );
}
