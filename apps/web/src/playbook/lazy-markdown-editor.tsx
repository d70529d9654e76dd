import { lazy, Suspense } from 'react';
import { Skeleton } from '../ui/state-views';
import type { MarkdownEditorProps } from './markdown-editor';

const MarkdownEditor = lazy(() => import('./markdown-editor').then((m) => ({ default: m.MarkdownEditor })));

/** The markdown editor behind a Suspense boundary: Monaco loads only when someone edits. */
export function LazyMarkdownEditor(props: MarkdownEditorProps) {
  return (
    <Suspense
      fallback={
        <div className="editor-loading" role="status" aria-label="Loading editor">
          <Skeleton height={12} width="70%" />
          <Skeleton height={12} width="50%" />
        </div>
      }
    >
      <MarkdownEditor {...props} />
    </Suspense>
  );
}
