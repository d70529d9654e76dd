import { readFileSync } from 'node:fs';
import type { Contract, FlowSource } from '@baton/schema';
import { describe, expect, it } from 'vitest';
import { piiFields } from './pii.js';
import { createContractValidator } from './validator.js';

// The CRM edge contract of the shipped example, read from the file users see.
const flow = JSON.parse(
  readFileSync(new URL('../../../examples/order-to-fulfillment/flow.json', import.meta.url), 'utf8'),
) as FlowSource;
const crm = flow.edges.find((e) => e.id === 'e_crm')?.contract as Contract;

// PRODUCT.md's sample record.
const sample = {
  order_id: ' SO-10042',
  account_number: ' ac-123456 ',
  customer_tier: 'Gold ',
  order_date: '03/15/2026',
  total: '1,249.50',
  email: ' Ada@Example.COM',
  entered_at: '2026-03-15T09:30:00Z',
};

describe('order-to-fulfillment CRM contract', () => {
  const validator = createContractValidator(crm);

  it("passes PRODUCT.md's sample unchanged", () => {
    expect(validator.apply(sample)).toEqual({
      record: sample,
      dropped: [],
      checks: [{ rule: 'contract', result: 'pass' }],
      outcome: 'pass',
    });
  });

  it('rejects order_id "XX" with the owner\'s message', () => {
    const result = validator.apply({ ...sample, order_id: 'XX' });
    expect(result.outcome).toBe('reject');
    expect(result.checks).toEqual([
      {
        rule: 'contract.pattern',
        field: 'order_id',
        result: 'fail',
        message: 'order_id must look like SO-12345',
        owner: 'crm-admin',
      },
    ]);
  });

  it('drops an extra field foo and lists it', () => {
    const result = validator.apply({ ...sample, foo: 'bar' });
    expect(result.outcome).toBe('pass');
    expect(result.dropped).toEqual(['foo']);
    expect(result.record).toEqual(sample);
  });

  it('rejects a missing total and accepts a numeric one', () => {
    const { total: _total, ...withoutTotal } = sample;
    expect(validator.apply(withoutTotal).checks).toEqual([
      {
        rule: 'contract.required',
        field: 'total',
        result: 'fail',
        message: 'total is required',
        owner: 'crm-admin',
      },
    ]);
    expect(validator.apply({ ...sample, total: 19.99 }).outcome).toBe('pass');
  });

  it('checks entered_at as a date-time and knows email is pii', () => {
    expect(validator.apply({ ...sample, entered_at: '15/03/2026' }).checks[0]).toMatchObject({
      rule: 'contract.format',
      field: 'entered_at',
    });
    expect(piiFields(crm)).toEqual(['email']);
  });
});
