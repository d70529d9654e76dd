import type { FlowSource, Plan, Step } from '@baton/schema';
import type { ChangeNote } from '../src/versions.js';

export function sampleSource(label = 'Webhook'): FlowSource {
  return {
    schemaVersion: 1,
    nodes: [{ id: 'n_trigger1', kind: 'trigger', kindVersion: 1, label, config: { mode: 'webhook' } }],
    edges: [],
    layout: { nodes: { n_trigger1: { x: 0, y: 0 } } },
    meta: {},
  };
}

export function samplePlan(contentHash: string): Plan {
  return {
    schemaVersion: 1,
    contentHash,
    entry: 'n_trigger1',
    nodes: [
      {
        id: 'n_trigger1',
        kind: 'trigger',
        kindVersion: 1,
        label: 'Webhook',
        config: { mode: 'webhook' },
        outputs: {},
      },
    ],
    edges: [],
    recordKey: ['order_id'],
  };
}

export const changeNote: ChangeNote = { reason: 'first cut', acceptanceCheck: 'orders arrive', risk: 'low' };

export function sampleStep(seq: number, overrides: Partial<Step> = {}): Step {
  return {
    seq,
    nodeId: `n_node${seq}`,
    kind: seq === 1 ? 'trigger' : 'mapping',
    label: `Step ${seq}`,
    status: 'ok',
    port: 'out',
    input: { order_id: 'SO-10001' },
    output: { order_id: 'SO-10001' },
    checks: [{ rule: 'required', field: 'order_id', result: 'pass' }],
    startedAt: '2026-03-15T09:30:00.000Z',
    durationMs: 0.25,
    ...overrides,
  };
}

/** Timestamps a fixed distance apart, so ordering assertions do not depend on the wall clock. */
export function at(minute: number): string {
  return new Date(Date.UTC(2026, 2, 15, 9, minute)).toISOString();
}

/** What `flows.create` takes for a plain flow: the sample draft, created at `minute`. */
export function newFlow(id: string, name: string, minute = 0) {
  return { id, name, description: '', draft: sampleSource(), now: at(minute) };
}
