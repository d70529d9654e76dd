import { describe, expect, it } from 'vitest';
import { inferContract } from './infer-contract.js';
import { createContractValidator } from './validator.js';

describe('inferContract', () => {
  const sample = {
    order_id: ' SO-10042',
    total: '1,249.50',
    qty: 3,
    price: 9.5,
    paid: true,
    order_date: '2026-03-15',
    entered_at: '2026-03-15T09:30:00Z',
    customer_email: ' Ada@Example.COM',
    note: null,
  };

  it('guesses kinds from values, required when present, pii from the name', () => {
    expect(inferContract(sample).fields).toEqual([
      { name: 'order_id', type: 'string', required: true },
      { name: 'total', type: 'string', required: true },
      { name: 'qty', type: 'integer', required: true },
      { name: 'price', type: 'number', required: true },
      { name: 'paid', type: 'boolean', required: true },
      { name: 'order_date', type: 'date', required: true },
      { name: 'entered_at', type: 'datetime', required: true },
      { name: 'customer_email', type: 'string', required: true, classification: 'pii' },
      { name: 'note', type: 'string', required: false },
    ]);
  });

  it('infers a contract its own sample passes (nulls aside)', () => {
    const { note: _null, ...rest } = sample;
    expect(createContractValidator(inferContract(sample)).apply(rest).outcome).toBe('pass');
  });
});
