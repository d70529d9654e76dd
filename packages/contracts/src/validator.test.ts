import type { Contract, ContractField } from '@baton/schema';
import { describe, expect, it } from 'vitest';
import { contractCacheStats } from './contract-cache.js';
import { createContractValidator } from './validator.js';

const field = (over: Partial<ContractField> & Pick<ContractField, 'name' | 'type'>): ContractField => ({
  required: false,
  ...over,
});
const one = (f: ContractField, extraFields: Contract['extraFields'] = 'drop') =>
  createContractValidator({ fields: [f], extraFields });

describe('createContractValidator: types', () => {
  it.each([
    ['string', 'x', 1],
    ['integer', 3, 3.5],
    ['number', 3.5, '3.5'],
    ['boolean', false, 'false'],
    ['date', '2026-02-28', '2026-02-30'],
    ['datetime', '2026-03-15T09:30:00Z', '2026-03-15 09:30'],
  ] as const)('%s accepts %j and refuses %j', (type, good, bad) => {
    const v = one(field({ name: 'f', type }));
    expect(v.apply({ f: good }).outcome).toBe('pass');
    const result = v.apply({ f: bad });
    expect(result.outcome).toBe('reject');
    expect(result.checks).toHaveLength(1);
    expect(result.checks[0]?.field).toBe('f');
    expect(result.checks[0]?.rule).toBe(
      type === 'date' || type === 'datetime' ? 'contract.format' : 'contract.type',
    );
  });

  it('enum accepts only the allowed values', () => {
    const v = one(field({ name: 'tier', type: 'enum', allowed: ['gold', 'silver', 1] }));
    expect(v.apply({ tier: 'gold' }).outcome).toBe('pass');
    expect(v.apply({ tier: 1 }).outcome).toBe('pass');
    expect(v.apply({ tier: 'GOLD' }).checks).toEqual([
      {
        rule: 'contract.enum',
        field: 'tier',
        result: 'fail',
        message: 'tier must be one of "gold", "silver", 1',
      },
    ]);
  });

  it('alsoAccept takes the extra type and still refuses others', () => {
    const v = one(field({ name: 'total', type: 'string', alsoAccept: ['number'] }));
    expect(v.apply({ total: '1,249.50' }).outcome).toBe('pass');
    expect(v.apply({ total: 19.99 }).outcome).toBe('pass');
    expect(v.apply({ total: true }).checks[0]).toMatchObject({
      rule: 'contract.type',
      message: 'total must be a string or a number',
    });
  });

  it('null is not a value of any type, even for an optional field', () => {
    expect(one(field({ name: 'f', type: 'string' })).apply({ f: null }).outcome).toBe('reject');
    expect(one(field({ name: 'f', type: 'string' })).apply({}).outcome).toBe('pass');
  });
});

describe('createContractValidator: keywords', () => {
  const cases: Array<[string, ContractField, unknown, string]> = [
    ['required', field({ name: 'f', type: 'string', required: true }), undefined, 'f is required'],
    ['pattern', field({ name: 'f', type: 'string', pattern: '^A\\d$' }), 'B1', 'f must match ^A\\d$'],
    ['minimum', field({ name: 'f', type: 'integer', min: 1 }), 0, 'f must be at least 1'],
    ['maximum', field({ name: 'f', type: 'number', max: 9.5 }), 10, 'f must be at most 9.5'],
    ['minLength', field({ name: 'f', type: 'string', min: 3 }), 'ab', 'f must be at least 3 characters long'],
    [
      'maxLength',
      field({ name: 'f', type: 'string', maxLength: 2 }),
      'abc',
      'f must be at most 2 characters long',
    ],
    ['enum', field({ name: 'f', type: 'string', allowed: ['a'] }), 'b', 'f must be one of "a"'],
  ];

  it.each(cases)('contract.%s with a generated message', (keyword, f, value, message) => {
    const result = one(f).apply(value === undefined ? {} : { f: value });
    expect(result.checks).toEqual([{ rule: `contract.${keyword}`, field: 'f', result: 'fail', message }]);
    expect(result.outcome).toBe('reject');
  });

  it('reports every broken rule at once, in contract field order', () => {
    const v = createContractValidator({
      fields: [
        field({ name: 'b', type: 'string', pattern: '^b', maxLength: 2 }),
        field({ name: 'a', type: 'integer', required: true }),
      ],
      extraFields: 'drop',
    });
    expect(v.apply({ b: 'xyz' }).checks.map((c) => [c.field, c.rule])).toEqual([
      ['b', 'contract.maxLength'],
      ['b', 'contract.pattern'],
      ['a', 'contract.required'],
    ]);
  });

  it('refuses a record that is not an object', () => {
    const v = one(field({ name: 'f', type: 'string' }));
    expect(v.apply([1])).toEqual({
      record: {},
      dropped: [],
      checks: [{ rule: 'contract.type', result: 'fail', message: 'The record must be a JSON object' }],
      outcome: 'reject',
    });
  });
});

describe('createContractValidator: extra fields', () => {
  const f = field({ name: 'id', type: 'string', required: true });

  it('drop: strips extras, lists them, passes, and leaves the input untouched', () => {
    const input = { x: 1, id: 'A', y: null };
    const result = one(f, 'drop').apply(input);
    expect(result).toEqual({
      record: { id: 'A' },
      dropped: ['x', 'y'],
      checks: [{ rule: 'contract', result: 'pass' }],
      outcome: 'pass',
    });
    expect(input).toEqual({ x: 1, id: 'A', y: null });
  });

  it('reject: one failing contract.extraFields check per extra field, record kept', () => {
    const result = one(f, 'reject').apply({ id: 'A', x: 1, y: 2 });
    expect(result.outcome).toBe('reject');
    expect(result.dropped).toEqual([]);
    expect(result.record).toEqual({ id: 'A', x: 1, y: 2 });
    expect(result.checks).toEqual([
      {
        rule: 'contract.extraFields',
        field: 'x',
        result: 'fail',
        message: 'x is not in the contract (extra fields are rejected)',
      },
      {
        rule: 'contract.extraFields',
        field: 'y',
        result: 'fail',
        message: 'y is not in the contract (extra fields are rejected)',
      },
    ]);
  });

  it('reject: a record with only contracted fields passes', () => {
    expect(one(f, 'reject').apply({ id: 'A' }).outcome).toBe('pass');
  });
});

describe('createContractValidator: onFail', () => {
  it('flag: the check flags with the owner and the outcome is flag', () => {
    const v = one(
      field({
        name: 'email',
        type: 'string',
        pattern: '@',
        owner: 'crm-admin',
        onFail: { action: 'flag', message: 'check the e-mail' },
      }),
    );
    expect(v.apply({ email: 'nope' })).toMatchObject({
      outcome: 'flag',
      checks: [
        {
          rule: 'contract.pattern',
          field: 'email',
          result: 'flag',
          message: 'check the e-mail',
          owner: 'crm-admin',
        },
      ],
    });
  });

  it('flag without a message gets a generated one', () => {
    const v = one(field({ name: 'n', type: 'integer', onFail: { action: 'flag' } }));
    expect(v.apply({ n: 'x' }).checks[0]).toMatchObject({ result: 'flag', message: 'n must be an integer' });
  });

  it('reject (also the default) outranks flag', () => {
    const v = createContractValidator({
      fields: [
        field({ name: 'a', type: 'integer', onFail: { action: 'flag' } }),
        field({ name: 'b', type: 'integer' }),
      ],
      extraFields: 'drop',
    });
    const result = v.apply({ a: 'x', b: 'y' });
    expect(result.checks.map((c) => c.result)).toEqual(['flag', 'fail']);
    expect(result.outcome).toBe('reject');
    expect(v.apply({ a: 'x', b: 1 }).outcome).toBe('flag');
  });
});

describe('createContractValidator: compiling', () => {
  const contract = (): Contract => ({
    fields: [field({ name: 'cache_probe', type: 'string', required: true, owner: 'o' })],
    extraFields: 'drop',
  });

  it('compiles once per distinct contract, not per record or per copy of the plan', () => {
    const before = contractCacheStats().compiles;
    const v = createContractValidator(contract());
    for (let i = 0; i < 100; i++) v.apply({ cache_probe: `r${i}` });
    // A plan re-read from the database: equal contract, new objects, keys in another order.
    const reordered = JSON.parse(
      '{"extraFields":"drop","fields":[{"owner":"o","required":true,"type":"string","name":"cache_probe"}]}',
    );
    createContractValidator(reordered).apply({ cache_probe: 'x' });
    createContractValidator(contract()).apply({ cache_probe: 'y' });
    expect(contractCacheStats().compiles - before).toBe(1);
    createContractValidator({ ...contract(), extraFields: 'reject' });
    expect(contractCacheStats().compiles - before).toBe(2);
  });

  it('throws when the contract cannot compile (a pattern the compiler would have refused)', () => {
    expect(() => one(field({ name: 'f', type: 'string', pattern: '(' }))).toThrow();
  });
});
