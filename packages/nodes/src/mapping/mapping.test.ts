import { describe, expect, it } from 'vitest';
import { fakeContext } from '../testing/fake-context.js';
import { compileMapping } from './compile.js';
import { executeMapping } from './execute.js';
import type { MappingConfig } from './spec.js';

const config = (partial: Partial<MappingConfig>): MappingConfig => ({
  fields: [],
  computed: [],
  keepUnmapped: false,
  ...partial,
});
const compileInput = (c: MappingConfig, fieldsIn: string[] | null = null) => ({
  nodeId: 'n_map',
  config: c,
  fieldsIn,
  incomingEdges: [],
  outgoingEdges: [],
});

describe('mapping execute', () => {
  it('maps dotted paths with transforms and outputs mapped fields only', async () => {
    const result = await executeMapping(
      config({
        fields: [
          { to: 'city', from: 'customer.address.city', transforms: [{ op: 'trim' }, { op: 'upper' }] },
          { to: 'first_sku', from: 'lines.0.sku', transforms: [] },
        ],
      }),
      { customer: { address: { city: ' Oslo ' } }, lines: [{ sku: 'A1' }], noise: 1 },
      fakeContext(),
    );
    expect(result).toMatchObject({ status: 'ok', port: 'out', checks: [] });
    expect(result.output).toEqual({ city: 'OSLO', first_sku: 'A1' });
  });

  it('omits a field whose source is missing and has no default, keeps one with a default', async () => {
    const { output } = await executeMapping(
      config({
        fields: [
          { to: 'email', from: 'email', transforms: [{ op: 'trim' }] },
          { to: 'channel', from: 'channel', transforms: [{ op: 'default', value: 'web' }] },
        ],
      }),
      {},
      fakeContext(),
    );
    expect(output).toEqual({ channel: 'web' });
    expect(Object.hasOwn(output, 'email')).toBe(false);
  });

  it('takes literal and expression values instead of a path', async () => {
    const { output } = await executeMapping(
      config({
        fields: [
          { to: 'source', transforms: [], value: { kind: 'literal', value: 'crm' } },
          {
            to: 'full',
            transforms: [{ op: 'upper' }],
            value: { kind: 'expression', source: 'first & " " & last' },
          },
        ],
      }),
      { first: 'Ada', last: 'Lovelace' },
      fakeContext(),
    );
    expect(output).toEqual({ source: 'crm', full: 'ADA LOVELACE' });
  });

  it('computes fields over the mapped record, with the raw input as $input and the clock as $now()', async () => {
    const { output } = await executeMapping(
      config({
        fields: [
          {
            to: 'total_cents',
            from: 'total',
            transforms: [{ op: 'number', decimalSeparator: '.', multiplyBy: 100, round: 0 }],
          },
        ],
        computed: [
          { to: 'total_eur', expression: 'total_cents / 100' },
          { to: 'raw', expression: '$input.total' },
          { to: 'mapped_at', expression: '$now()' },
          { to: 'nothing', expression: 'missing_field' },
        ],
      }),
      { total: '12.30' },
      fakeContext(),
    );
    expect(output).toEqual({
      total_cents: 1230,
      total_eur: 12.3,
      raw: '12.30',
      mapped_at: '2026-03-15T10:00:00.000Z',
    });
  });

  it('refuses a computed value that is not JSON data, such as a function', async () => {
    const c = config({ computed: [{ to: 'f', expression: 'function($x) { $x }' }] });
    await expect(executeMapping(c, {}, fakeContext())).rejects.toThrow(
      'Computed field "f" yielded a function',
    );
  });

  it('keeps unmapped input fields when asked, but not the ones it mapped from', async () => {
    const { output } = await executeMapping(
      config({ keepUnmapped: true, fields: [{ to: 'id', from: 'order_id', transforms: [{ op: 'trim' }] }] }),
      { order_id: ' 1 ', note: 'keep me' },
      fakeContext(),
    );
    expect(output).toEqual({ note: 'keep me', id: '1' });
  });
});

describe('mapping compile', () => {
  it('lists produced fields as fieldsOut', () => {
    const out = compileMapping(
      compileInput(
        config({
          fields: [{ to: 'a', from: 'x', transforms: [] }],
          computed: [{ to: 'b', expression: 'a' }],
        }),
      ),
    );
    expect(out.diagnostics).toEqual([]);
    expect(out.fieldsOut).toEqual(['a', 'b']);
  });

  it('adds the incoming fields with keepUnmapped, or gives up when they are unknown', () => {
    const c = config({ keepUnmapped: true, fields: [{ to: 'a', from: 'x', transforms: [] }] });
    expect(compileMapping(compileInput(c, ['x', 'y'])).fieldsOut).toEqual(['x', 'y', 'a']);
    expect(compileMapping(compileInput(c, null)).fieldsOut).toBeNull();
  });

  it('reports unparseable expressions with their path', () => {
    const out = compileMapping(
      compileInput(
        config({
          fields: [{ to: 'a', transforms: [], value: { kind: 'expression', source: 'x +' } }],
          computed: [{ to: 'b', expression: '(' }],
        }),
      ),
    );
    expect(out.diagnostics.map((d) => [d.code, d.path, d.nodeId])).toEqual([
      ['expression_invalid', '/fields/0/value/source', 'n_map'],
      ['expression_invalid', '/computed/0/expression', 'n_map'],
    ]);
  });

  it('reports a target written twice and a source that does not arrive', () => {
    const out = compileMapping(
      compileInput(
        config({
          fields: [
            { to: 'a', from: 'x.deep', transforms: [] },
            { to: 'a', from: 'nope', transforms: [] },
          ],
        }),
        ['x'],
      ),
    );
    expect(out.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['mapping_target_duplicate', 'error', '/fields/1/to'],
      ['mapping_source_unknown', 'warning', '/fields/1/from'],
    ]);
  });
});
