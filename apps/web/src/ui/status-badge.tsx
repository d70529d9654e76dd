import type { RunStatus, StepStatus, CheckResult } from '@baton/schema';

type Tone = 'success' | 'warning' | 'danger' | 'info' | 'accent' | 'neutral';

const TONES: Record<RunStatus | StepStatus | CheckResult, Tone> = {
  succeeded: 'success',
  ok: 'success',
  pass: 'success',
  flagged: 'warning',
  flag: 'warning',
  rejected: 'danger',
  fail: 'danger',
  failed: 'danger',
  duplicate: 'info',
  queued: 'neutral',
  running: 'accent',
};

export function StatusBadge({ status }: { status: string }) {
  const tone = (TONES as Record<string, Tone | undefined>)[status] ?? 'neutral';
  return (
    <span className={`badge${tone === 'neutral' ? '' : ` badge-${tone}`}`} data-status={status}>
      {status}
    </span>
  );
}
