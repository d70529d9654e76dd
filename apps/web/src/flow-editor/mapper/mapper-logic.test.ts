import { describe, expect, it } from 'vitest';
import { emptySource, type FlowSource, type SourceEdge, type SourceNode } from '@baton/schema';
import type { FieldMapping, MappingConfig } from '@baton/nodes';
import { autoMapPairs, normaliseFieldName } from './auto-map';
import { anchorOf, lineMidpoint, linePath } from './line-geometry';
import { kindOfValue, parseSampleText, sourceFieldsOf, targetFieldsOf } from './mapper-fields';
import { previewMapping } from './mapping-preview';

const node = (id: string, kind: SourceNode['kind'], config: Record<string, unknown> = {}): SourceNode => ({
  id,
  kind,
  kindVersion: 1,
  label: id,
  config,
});

const edge = (
  id: string,
  from: string,
  to: string,
  fields: Array<[string, 'string' | 'date', boolean]> = [],
): SourceEdge => ({
  id,
  source: { node: from, port: 'out' },
  target: { node: to, port: 'in' },
  contract:
    fields.length === 0
      ? null
      : { fields: fields.map(([name, type, required]) => ({ name, type, required })), extraFields: 'drop' },
  raci: null,
});

function flow(): FlowSource {
  return {
    ...emptySource(),
    nodes: [
      node('n_t', 'trigger'),
      node('n_m', 'mapping'),
      node('n_v', 'validation'),
      node('n_w', 'write', { keyFields: ['order_id', 'line_no'] }),
    ],
    edges: [
      edge('e1', 'n_t', 'n_m', [
        ['OrderId', 'string', true],
        ['order_date', 'date', false],
      ]),
      edge('e2', 'n_m', 'n_v', [['order_id', 'string', true]]),
      edge('e3', 'n_v', 'n_w'),
    ],
  };
}

describe('normaliseFieldName', () => {
  it('ignores case, spaces, underscores, dashes and splits camelCase', () => {
    const names = ['orderId', 'order_id', 'Order ID', 'ORDER-ID', 'order.id', 'OrderID'];
    expect(new Set(names.map(normaliseFieldName))).toEqual(new Set(['orderid']));
    expect(normaliseFieldName('customerTier')).toBe(normaliseFieldName('customer_tier'));
    expect(normaliseFieldName('total')).not.toBe(normaliseFieldName('totals'));
  });
});

describe('autoMapPairs', () => {
  it('pairs unmapped targets with same-named sources, exact names first, each source once', () => {
    const existing: FieldMapping[] = [{ to: 'email', from: 'mail', transforms: [] }];
    const pairs = autoMapPairs(
      ['OrderId', 'order_id', 'customerTier', 'email', 'mail'],
      ['order_id', 'customer_tier', 'email', 'missing'],
      existing,
    );
    expect(pairs).toEqual([
      { to: 'order_id', from: 'order_id', transforms: [] },
      { to: 'customer_tier', from: 'customerTier', transforms: [] },
    ]);
  });
});

describe('line geometry', () => {
  const container = { left: 100, top: 50, width: 600, height: 400 };
  it('anchors lines at the facing edges of rows, relative to the container', () => {
    const row = { left: 110, top: 90, width: 200, height: 30 };
    expect(anchorOf(row, container, 'right')).toEqual({ x: 210, y: 55 });
    expect(anchorOf(row, container, 'left')).toEqual({ x: 10, y: 55 });
  });
  it('draws a level S-curve and finds its midpoint', () => {
    const from = { x: 200, y: 40 };
    const to = { x: 400, y: 120 };
    expect(linePath(from, to)).toBe('M 200 40 C 300 40, 300 120, 400 120');
    expect(lineMidpoint(from, to)).toEqual({ x: 300, y: 80 });
    // Rows almost on top of each other still get a visible bend.
    expect(linePath({ x: 0, y: 0 }, { x: 10, y: 0 })).toBe('M 0 0 C 24 0, -14 0, 10 0');
  });
});

describe('field extraction', () => {
  it('takes sources from the incoming contract, then the sample, then existing lines', () => {
    const fields = sourceFieldsOf(flow(), 'n_m', { OrderId: 'A', total: 12.5, tags: [] }, [
      { to: 'x', from: 'legacy', transforms: [] },
    ]);
    expect(fields.map((f) => [f.name, f.kind, f.required, f.origin])).toEqual([
      ['OrderId', 'string', true, 'contract'],
      ['order_date', 'date', false, 'contract'],
      ['total', 'number', false, 'sample'],
      ['tags', 'array', false, 'sample'],
      ['legacy', 'unknown', false, 'mapped'],
    ]);
  });

  it('takes targets from the outgoing contract and the key fields of a write further on', () => {
    const fields = targetFieldsOf(flow(), 'n_m', [{ to: 'note', from: 'x', transforms: [] }]);
    expect(fields.map((f) => [f.name, f.required, f.origin])).toEqual([
      ['order_id', true, 'contract'],
      ['line_no', true, 'key'],
      ['note', false, 'mapped'],
    ]);
  });

  it('reads kinds off sample values and accepts an object or an array of them', () => {
    expect(['a', 1, 1.5, true, null, '2026-03-15', '2026-03-15T09:00:00Z', {}].map(kindOfValue)).toEqual([
      'string',
      'integer',
      'number',
      'boolean',
      'null',
      'date',
      'datetime',
      'object',
    ]);
    expect(parseSampleText('[{"a":1}]')).toEqual({ ok: true, record: { a: 1 } });
    expect(parseSampleText('42')).toMatchObject({ ok: false });
    expect(parseSampleText('{"a":')).toMatchObject({ ok: false });
  });
});

describe('previewMapping', () => {
  it('runs each line through the mapping kind, with errors inline and computed fields after', async () => {
    const config: MappingConfig = {
      fields: [
        {
          to: 'tier',
          from: 'customer_tier',
          transforms: [{ op: 'trim' }, { op: 'enumMap', map: { gold: 'premium' }, caseInsensitive: true }],
        },
        { to: 'ordered_at', from: 'order_date', transforms: [{ op: 'date', formats: ['M/D/YYYY'] }] },
        { to: 'bad', transforms: [], value: { kind: 'expression', source: '$fn(' } },
        { to: 'gone', from: 'absent', transforms: [] },
        { to: 'source', transforms: [], value: { kind: 'literal', value: 'crm' } },
      ],
      computed: [{ to: 'upper_tier', expression: '$uppercase(tier)' }],
      keepUnmapped: false,
    };
    const preview = await previewMapping(config, { customer_tier: ' Gold ', order_date: '03/15/2026' });
    expect(preview.fields.map((r) => [r.to, r.inputLabel, r.input, r.result])).toEqual([
      ['tier', 'customer_tier', ' Gold ', 'premium'],
      ['ordered_at', 'order_date', '03/15/2026', '2026-03-15'],
      ['bad', 'expression', '$fn(', undefined],
      ['gone', 'absent', undefined, undefined],
      ['source', 'constant', 'crm', 'crm'],
    ]);
    expect(preview.fields[2]?.error).toBeTruthy();
    // The broken line breaks the whole run, as it would in the engine.
    expect(preview.output).toBeNull();
    expect(preview.computed[0]?.error).toBeTruthy();

    const ok = await previewMapping(
      { ...config, fields: config.fields.filter((f) => f.to !== 'bad') },
      {
        customer_tier: 'GOLD',
      },
    );
    expect(ok.output).toEqual({ tier: 'premium', source: 'crm', upper_tier: 'PREMIUM' });
    expect(ok.computed[0]?.result).toBe('PREMIUM');
  });
});
