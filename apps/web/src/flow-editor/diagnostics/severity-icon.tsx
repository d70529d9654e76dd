import type { Severity } from '@baton/schema';

const ICONS: Record<Severity, string> = { error: '✕', warning: '!', info: 'i' };

export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <span className={`severity-icon severity-icon-${severity}`} role="img" aria-label={severity}>
      {ICONS[severity]}
    </span>
  );
}
