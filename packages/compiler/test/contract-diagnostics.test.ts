import type { Contract, ContractField } from '@baton/schema';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';
import { edge, source, trigger, write } from './build-source.js';

const field = (over: Partial<ContractField> & Pick<ContractField, 'name'>): ContractField => ({
  type: 'string',
  required: false,
  owner: 'crm-admin',
  ...over,
});

/** trigger →(e1, contract) write */
const withContract = (fields: ContractField[]) => {
  const contract: Contract = {
    fields: [field({ name: 'id', required: true }), ...fields],
    extraFields: 'drop',
  };
  return compile(source([trigger(), write('n_w')], [edge('e1', 'n_t', 'n_w', { contract })]));
};
const contractDiagnostics = (fields: ContractField[]) =>
  withContract(fields).diagnostics.filter((d) => d.code.startsWith('contract_'));

describe('contract diagnostics', () => {
  it('a sound contract with owners has none and compiles', () => {
    const result = withContract([field({ name: 'n', type: 'integer', min: 1, max: 1, pattern: undefined })]);
    expect(result.diagnostics.filter((d) => d.code.startsWith('contract_'))).toEqual([]);
    expect(result.definition).not.toBeNull();
  });

  it('contract_field_duplicate on the second occurrence', () => {
    expect(contractDiagnostics([field({ name: 'id' })])).toEqual([
      {
        code: 'contract_field_duplicate',
        severity: 'error',
        message: 'Field "id" is listed twice in this contract',
        edgeId: 'e1',
        path: '/contract/fields/1/name',
      },
    ]);
  });

  it('contract_pattern_invalid when the regex does not compile, with the validator flags', () => {
    const diagnostics = contractDiagnostics([
      field({ name: 'a', pattern: '^(SO' }),
      // Compiles without the u flag, not with it: the validator would throw on it.
      field({ name: 'b', pattern: '\\-' }),
      field({ name: 'c', pattern: '^\\s*SO-\\d{5}\\s*$' }),
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.edgeId, d.path])).toEqual([
      ['contract_pattern_invalid', 'error', 'e1', '/contract/fields/1/pattern'],
      ['contract_pattern_invalid', 'error', 'e1', '/contract/fields/2/pattern'],
    ]);
    expect(diagnostics[0]?.message).toMatch(/^Field "a": the pattern does not compile \(.+\)$/);
  });

  it('contract_range_invalid when min > max or minLength > maxLength', () => {
    const diagnostics = contractDiagnostics([
      field({ name: 'n', type: 'number', min: 10, max: 2 }),
      field({ name: 's', minLength: 5, maxLength: 4 }),
      field({ name: 'ok', type: 'number', min: -1, max: 0 }),
    ]);
    expect(diagnostics).toEqual([
      {
        code: 'contract_range_invalid',
        severity: 'error',
        message: 'Field "n": min 10 is above max 2, so no value can pass',
        edgeId: 'e1',
        path: '/contract/fields/1/min',
      },
      {
        code: 'contract_range_invalid',
        severity: 'error',
        message: 'Field "s": minLength 5 is above maxLength 4, so no value can pass',
        edgeId: 'e1',
        path: '/contract/fields/2/minLength',
      },
    ]);
  });

  it('contract_enum_empty for an enum without allowed values, missing or empty', () => {
    const diagnostics = contractDiagnostics([
      field({ name: 'a', type: 'enum' }),
      field({ name: 'b', type: 'enum', allowed: [] }),
      field({ name: 'c', type: 'enum', allowed: ['x'] }),
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['contract_enum_empty', 'error', '/contract/fields/1/allowed'],
      ['contract_enum_empty', 'error', '/contract/fields/2/allowed'],
    ]);
  });

  it('contract_owner_missing is info and does not stop the plan', () => {
    const result = withContract([field({ name: 'email', owner: undefined })]);
    expect(result.diagnostics.filter((d) => d.code.startsWith('contract_'))).toEqual([
      {
        code: 'contract_owner_missing',
        severity: 'info',
        message: 'Field "email" has no owner; nobody hears when it fails',
        edgeId: 'e1',
        path: '/contract/fields/1/owner',
      },
    ]);
    expect(result.definition).not.toBeNull();
  });

  it('an error in a contract keeps the flow from compiling to a plan', () => {
    expect(withContract([field({ name: 'x', pattern: '[' })]).definition).toBeNull();
  });
});
