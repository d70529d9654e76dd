import type { TargetState } from './metrics-api';
import { TARGET_BADGES, TARGET_LABELS } from './format-metrics';

export function TargetBadge({ state, target }: { state: TargetState; target: string }) {
  return (
    <span className={TARGET_BADGES[state]} title={`Playbook target: ${target}`}>
      {TARGET_LABELS[state]}
    </span>
  );
}
