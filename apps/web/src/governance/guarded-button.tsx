import type { ReactNode } from 'react';

export interface GuardedButtonProps {
  /** Why the action is not available; the button is disabled and the reason shown when set. */
  blockedReason: string | null;
  onClick: () => void;
  className?: string;
  busy?: boolean;
  children: ReactNode;
  label?: string;
  /** Show the reason as text under the button (off when a neighbour already says the same). */
  showReason?: boolean;
}

/**
 * A button that explains itself when it cannot be used: disabled buttons fire no hover events,
 * so the reason is both a tooltip on a wrapper and visible text for screen readers and tests.
 */
export function GuardedButton({
  blockedReason,
  onClick,
  className = 'btn btn-sm',
  busy,
  children,
  label,
  showReason = true,
}: GuardedButtonProps) {
  return (
    <span className="guarded" title={blockedReason ?? undefined}>
      <button
        type="button"
        className={className}
        disabled={blockedReason !== null || busy}
        onClick={onClick}
        aria-label={label}
        aria-description={blockedReason ?? undefined}
      >
        {children}
      </button>
      {blockedReason && showReason ? <span className="guarded-reason">{blockedReason}</span> : null}
    </span>
  );
}
