import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/api-error';
import './state-views.css';

export interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}

export function EmptyState({ icon = '◇', title, children, actions }: EmptyStateProps) {
  return (
    <div className="state-view" role="status">
      <div className="state-view-icon" aria-hidden="true">
        {icon}
      </div>
      <h2>{title}</h2>
      {children ? <p>{children}</p> : null}
      {actions ? <div className="state-view-actions">{actions}</div> : null}
    </div>
  );
}

export interface ErrorStateProps {
  title?: string;
  error: unknown;
  onRetry?: () => void;
  actions?: ReactNode;
}

/** A designed error: what happened in words, the stable code for support, and a way out. */
export function ErrorState({ title = 'Something went wrong', error, onRetry, actions }: ErrorStateProps) {
  const code = error instanceof ApiError ? error.code : null;
  return (
    <div className="state-view state-view-error" role="alert">
      <div className="state-view-icon" aria-hidden="true">
        !
      </div>
      <h2>{title}</h2>
      <p>{errorMessage(error)}</p>
      {code ? <span className="state-view-code">code: {code}</span> : null}
      <div className="state-view-actions">
        {onRetry ? (
          <button type="button" className="btn" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        {actions}
      </div>
    </div>
  );
}

export function InlineError({ error }: { error: unknown }) {
  return (
    <div className="inline-error" role="alert">
      <strong aria-hidden="true">!</strong>
      <span>{errorMessage(error)}</span>
    </div>
  );
}

export function Skeleton({ width = '100%', height = 14 }: { width?: number | string; height?: number }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return <span className="spinner" role="progressbar" aria-label={label} />;
}
