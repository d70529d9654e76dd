import { useEditor } from '../store/editor-store-context';

const TEXT = { saved: 'Saved', saving: 'Saving…', unsaved: 'Unsaved', error: 'Save failed' } as const;

export function SaveIndicator({ onRetry }: { onRetry: () => void }) {
  const state = useEditor((s) => s.saveState);
  const error = useEditor((s) => s.saveError);
  return (
    <span
      className={`save-indicator save-${state}`}
      role="status"
      aria-label={`Draft ${TEXT[state]}`}
      title={error ?? undefined}
    >
      <span className="save-dot" aria-hidden="true" />
      {TEXT[state]}
      {state === 'error' ? (
        <button type="button" className="btn btn-sm btn-ghost" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </span>
  );
}
