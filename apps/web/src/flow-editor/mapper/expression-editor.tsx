import { lazy, Suspense } from 'react';
import type { MonacoExpressionEditorProps } from './monaco-expression-editor';

const MonacoExpressionEditor = lazy(() =>
  import('./monaco-expression-editor').then((m) => ({ default: m.MonacoExpressionEditor })),
);

/** A JSONata editor; Monaco loads only when a line is first switched to an expression. */
export function ExpressionEditor(props: MonacoExpressionEditorProps) {
  return (
    <Suspense
      fallback={
        <div className="mapper-expression is-loading" role="status" aria-label="Loading editor">
          Loading editor…
        </div>
      }
    >
      <MonacoExpressionEditor {...props} />
    </Suspense>
  );
}
