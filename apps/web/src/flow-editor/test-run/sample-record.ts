import type { FlowSource } from '@baton/schema';

/** PRODUCT.md's sample order for the seeded example: messy on purpose, as the CRM sends it. */
export const ORDER_SAMPLE = {
  order_id: ' SO-10042',
  account_number: ' ac-123456 ',
  customer_tier: 'Gold ',
  order_date: '03/15/2026',
  total: '1,249.50',
  email: ' Ada@Example.COM',
  entered_at: '2026-03-15T09:30:00Z',
};

/** Where the test-run panel keeps the record being edited, per flow, for this browser tab. */
export const sampleStorageKey = (flowId: string) => `baton:sample-record:${flowId}`;

/** The record the user last typed for this flow (when it parses), else the generated sample. */
export function currentSampleRecord(flowId: string, source: FlowSource): unknown {
  const stored =
    typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(sampleStorageKey(flowId));
  if (stored) {
    try {
      return JSON.parse(stored) as unknown;
    } catch {
      // Half-typed JSON: fall back to the generated sample.
    }
  }
  return sampleRecordFor(flowId, source);
}

/**
 * A starting record for the test-run editor: the known sample for the seeded example, else one
 * key per field the flow expects (the trigger edge's contract, or the mapping's source paths).
 */
export function sampleRecordFor(flowId: string, source: FlowSource): Record<string, unknown> {
  if (flowId === 'order-to-fulfillment') return { ...ORDER_SAMPLE };
  const trigger = source.nodes.find((n) => n.kind === 'trigger');
  const firstEdge = trigger ? source.edges.find((e) => e.source.node === trigger.id) : undefined;
  const contracted = firstEdge?.contract?.fields.map((f) => f.name) ?? [];
  if (contracted.length > 0) return Object.fromEntries(contracted.map((name) => [name, '']));
  const mapping = source.nodes.find((n) => n.kind === 'mapping');
  const fields = Array.isArray(mapping?.config['fields'])
    ? (mapping.config['fields'] as { from?: unknown }[])
    : [];
  const paths = fields
    .map((f) => f.from)
    .filter((p): p is string => typeof p === 'string' && p.length > 0 && !p.includes('.'));
  return Object.fromEntries(paths.map((p) => [p, '']));
}
