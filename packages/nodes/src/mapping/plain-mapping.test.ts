import { describe, expect, it } from 'vitest';
import { fakeContext } from '../testing/fake-context.js';
import { executeMapping } from './execute.js';
import type { FieldMapping, MappingConfig } from './spec.js';

const fields: FieldMapping[] = [
  { to: 'key', from: 'idempotency_key', transforms: [{ op: 'trim' }] },
  { to: 'full_name', from: 'Customer Name', transforms: [{ op: 'trim' }, { op: 'upper' }] },
  { to: 'email', from: 'email', transforms: [{ op: 'trim' }, { op: 'lower' }] },
  { to: 'status', from: 'status', transforms: [{ op: 'enumMap', map: { A: 'active' }, default: 'unknown' }] },
  { to: 'day', from: 'signup_date', transforms: [{ op: 'date', formats: ['M/D/YYYY'] }] },
  {
    to: 'amount',
    from: 'amount',
    transforms: [{ op: 'number', decimalSeparator: '.', multiplyBy: 100, round: 0 }],
  },
  { to: 'city', from: 'address.city', transforms: [] },
  { to: 'missing', from: 'nowhere', transforms: [] },
  { to: 'fallback', from: 'nowhere', transforms: [{ op: 'default', value: 'n/a' }] },
  { to: 'source', value: { kind: 'literal', value: 'crm' }, transforms: [] },
];
const record = {
  idempotency_key: ' evt-1 ',
  'Customer Name': '  Ada Lovelace ',
  email: ' ADA@Example.COM ',
  status: 'A',
  signup_date: '3/15/2024',
  amount: '42.50',
  address: { city: 'Oslo' },
  extra: true,
};
const expected = {
  key: 'evt-1',
  full_name: 'ADA LOVELACE',
  email: 'ada@example.com',
  status: 'active',
  day: '2024-03-15',
  amount: 4250,
  city: 'Oslo',
  fallback: 'n/a',
  source: 'crm',
};

/**
 * Declarative mappings run as a function compiled once per config object; JSONata configs take
 * the general path. Both must give the same record.
 */
describe('mapping compiled once per config', () => {
  it('maps declaratively, the same on the first record and on later ones', async () => {
    const config: MappingConfig = { fields, computed: [], keepUnmapped: false };
    const first = await executeMapping(config, record, fakeContext());
    const again = await executeMapping(config, { ...record, status: 'X' }, fakeContext());
    expect(first).toEqual({ status: 'ok', port: 'out', output: expected, checks: [] });
    expect(again.output).toEqual({ ...expected, status: 'unknown' });
    expect(Object.keys(first.output as object)).not.toContain('missing');
  });

  it('keeps unmapped input fields first, as the general path does', async () => {
    const config: MappingConfig = { fields, computed: [], keepUnmapped: true };
    const result = await executeMapping(config, record, fakeContext());
    expect(result.output).toEqual({ ...expected, extra: true });
    expect(Object.keys(result.output as object)[0]).toBe('extra');
  });

  it('gives the same fields when a computed JSONata field sends it down the general path', async () => {
    const config: MappingConfig = {
      fields,
      computed: [{ to: 'double', expression: 'amount * 2' }],
      keepUnmapped: false,
    };
    const result = await executeMapping(config, record, fakeContext());
    expect(result.output).toEqual({ ...expected, double: 8500 });
  });
});
