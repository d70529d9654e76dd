import type { Quadrant } from './playbook-api';

const LABELS: Record<Quadrant, { text: string; className: string }> = {
  pilot: { text: 'Pilot candidate', className: 'badge badge-accent' },
  'high-impact': { text: 'High impact, rare', className: 'badge badge-info' },
  frequent: { text: 'Frequent, low impact', className: 'badge badge-plain' },
  low: { text: 'Low priority', className: 'badge badge-plain' },
};

export function QuadrantBadge({ quadrant }: { quadrant: Quadrant }) {
  const label = LABELS[quadrant];
  return <span className={label.className}>{label.text}</span>;
}
