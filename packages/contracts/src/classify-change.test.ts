import type { Contract, ContractField } from '@baton/schema';
import { describe, expect, it } from 'vitest';
import { classifyContractChange } from './classify-change.js';

const base: ContractField = {
  name: 'f',
  type: 'string',
  required: false,
  allowed: ['a', 'b'],
  pattern: '^[ab]$',
  min: 1,
  max: 5,
  owner: 'crm-admin',
};
const contract = (...fields: ContractField[]): Contract => ({ fields, extraFields: 'drop' });
const changeOf = (after: Partial<ContractField>) =>
  classifyContractChange(contract(base), contract({ ...base, ...after }));

describe('classifyContractChange', () => {
  it('an identical contract has no changes', () => {
    expect(classifyContractChange(contract(base), contract({ ...base }))).toEqual({
      breaking: false,
      changes: [],
    });
  });

  it.each([
    ['type changed', { type: 'integer' }, 'type_changed'],
    ['became required', { required: true }, 'became_required'],
    ['allowed values narrowed', { allowed: ['a'] }, 'allowed_narrowed'],
    ['allowed values swapped', { allowed: ['a', 'c'] }, 'allowed_narrowed'],
    ['pattern changed', { pattern: '^[abc]$' }, 'pattern_changed'],
    ['min raised', { min: 2 }, 'bound_tightened'],
    ['max lowered', { max: 4 }, 'bound_tightened'],
    ['maxLength added', { maxLength: 3 }, 'bound_tightened'],
  ] as const)('breaking: %s', (_name, after, change) => {
    const report = changeOf(after as Partial<ContractField>);
    expect(report.breaking).toBe(true);
    expect(report.changes).toContainEqual(expect.objectContaining({ field: 'f', change, breaking: true }));
  });

  it.each([
    ['became optional', { required: false }, { required: true }, 'became_optional'],
    ['allowed values widened', { allowed: ['a', 'b', 'c'] }, {}, 'allowed_widened'],
    ['allowed values removed', { allowed: undefined }, {}, 'allowed_widened'],
    ['pattern removed', { pattern: undefined }, {}, 'pattern_removed'],
    ['min lowered', { min: 0 }, {}, 'bound_loosened'],
    ['max removed', { max: undefined }, {}, 'bound_loosened'],
    ['another type accepted', { alsoAccept: ['number'] }, {}, 'types_widened'],
    ['flag instead of reject', { onFail: { action: 'flag' } }, {}, 'on_fail_loosened'],
    ['owner changed', { owner: 'ops-lead' }, {}, 'metadata_changed'],
  ] as const)('compatible: %s', (_name, after, before, change) => {
    const report = classifyContractChange(
      contract({ ...base, ...(before as Partial<ContractField>) }),
      contract({ ...base, ...(after as Partial<ContractField>) }),
    );
    expect(report.breaking).toBe(false);
    expect(report.changes).toContainEqual(expect.objectContaining({ field: 'f', change, breaking: false }));
  });

  it('flag → reject tightens, an explicit reject equals the default; dropping an accepted type narrows', () => {
    const flagged = { ...base, onFail: { action: 'flag' as const } };
    expect(classifyContractChange(contract(flagged), contract(base)).changes).toEqual([
      { field: 'f', change: 'on_fail_tightened', breaking: true },
    ]);
    expect(changeOf({ onFail: { action: 'reject', message: 'no' } }).changes).toEqual([]);
    expect(
      classifyContractChange(contract({ ...base, alsoAccept: ['number'] }), contract(base)).changes,
    ).toEqual([{ field: 'f', change: 'types_narrowed', breaking: true, detail: 'alsoAccept' }]);
  });

  it('a removed field breaks; an added optional field does not, an added required one does', () => {
    const other: ContractField = { name: 'g', type: 'integer', required: false };
    expect(classifyContractChange(contract(base, other), contract(base))).toEqual({
      breaking: true,
      changes: [{ field: 'g', change: 'field_removed', breaking: true }],
    });
    expect(classifyContractChange(contract(base), contract(base, other))).toEqual({
      breaking: false,
      changes: [{ field: 'g', change: 'field_added', breaking: false }],
    });
    expect(
      classifyContractChange(contract(base), contract(base, { ...other, required: true })).breaking,
    ).toBe(true);
  });

  it('extraFields drop → reject is breaking, the way back is not; null means no fields', () => {
    const strict = { ...contract(base), extraFields: 'reject' as const };
    expect(classifyContractChange(contract(base), strict).changes).toEqual([
      { field: null, change: 'extra_fields_tightened', breaking: true },
    ]);
    expect(classifyContractChange(strict, contract(base)).breaking).toBe(false);
    expect(classifyContractChange(null, contract(base)).changes).toEqual([
      { field: 'f', change: 'field_added', breaking: false },
    ]);
    expect(classifyContractChange(contract(base), null).breaking).toBe(true);
  });
});
