import { readFileSync } from 'node:fs';
import { FlowSource } from '@baton/schema';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';

const text = readFileSync(
  new URL('../../../examples/order-to-fulfillment/flow.json', import.meta.url),
  'utf8',
);

describe('examples/order-to-fulfillment/flow.json', () => {
  it('is a FlowSource and compiles with no errors or warnings', () => {
    const source: unknown = JSON.parse(text);
    expect([...Value.Errors(FlowSource, source)]).toEqual([]);
    const { definition, diagnostics } = compile(source as FlowSource);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(definition?.recordKey).toEqual(['order_id']);
  });

  it('carries the CRM contract and a complete RACI on the CRM edge', () => {
    const source = JSON.parse(text) as FlowSource;
    const crm = source.edges.find((e) => e.id === 'e_crm');
    expect(crm?.contract?.fields.map((f) => f.name)).toEqual([
      'order_id',
      'account_number',
      'customer_tier',
      'order_date',
      'total',
      'email',
      'entered_at',
    ]);
    expect(crm?.contract?.fields.find((f) => f.name === 'email')?.classification).toBe('pii');
    expect(crm?.contract?.fields.find((f) => f.name === 'entered_at')?.entryTimestamp).toBe(true);
    expect(crm?.raci?.rows.map((r) => r.accountable.length)).toEqual([1, 1, 1]);
  });
});
