import { describe, expect, it } from 'vitest';
import { fakeContext } from '../testing/fake-context.js';
import { compileValidation } from './compile.js';
import { executeValidation } from './execute.js';
import type { ValidationRule } from './spec.js';

const rule = (partial: Partial<ValidationRule> & Pick<ValidationRule, 'expression'>): ValidationRule => ({
  id: 'r_1',
  name: 'rule_one',
  message: 'rule one failed',
  onFail: 'reject',
  ...partial,
});

describe('validation execute', () => {
  const positive = rule({
    id: 'r_pos',
    name: 'positive',
    field: 'n',
    expression: 'n > 0',
    owner: 'ops',
    message: 'n must be positive',
  });
  const named = rule({
    id: 'r_named',
    name: 'has_name',
    field: 'name',
    expression: '$exists(name)',
    onFail: 'flag',
    message: 'name missing',
  });

  it('passes the record through unchanged on `pass` with one check per rule', async () => {
    const input = { n: 1, name: 'x' };
    const result = await executeValidation({ rules: [positive, named] }, input, fakeContext());
    expect(result).toEqual({
      status: 'ok',
      port: 'pass',
      output: input,
      checks: [
        { rule: 'positive', field: 'n', owner: 'ops', result: 'pass' },
        { rule: 'has_name', field: 'name', result: 'pass' },
      ],
    });
  });

  it('flags without rejecting when only flag rules fail', async () => {
    const result = await executeValidation({ rules: [positive, named] }, { n: 1 }, fakeContext());
    expect(result.status).toBe('flagged');
    expect(result.port).toBe('pass');
    expect(result.checks[1]).toEqual({
      rule: 'has_name',
      field: 'name',
      result: 'flag',
      message: 'name missing',
    });
  });

  it('rejects on `reject` when any reject rule fails, still running every rule', async () => {
    const result = await executeValidation({ rules: [positive, named] }, { n: 0 }, fakeContext());
    expect(result.status).toBe('rejected');
    expect(result.port).toBe('reject');
    expect(result.checks.map((c) => c.result)).toEqual(['fail', 'flag']);
  });

  it('counts a rule that throws, or yields no boolean, as failed, with the reason', async () => {
    const result = await executeValidation(
      { rules: [positive, rule({ id: 'r_2', name: '', expression: 'missing' })] },
      { n: 'abc' },
      fakeContext(),
    );
    expect(result.status).toBe('rejected');
    expect(result.checks[0]?.message).toMatch(/^n must be positive \(rule error: .+\)$/);
    // An unnamed rule reports its id.
    expect(result.checks[1]).toMatchObject({ rule: 'r_2', result: 'fail' });
  });

  it('passes an empty rule list', async () => {
    expect((await executeValidation({ rules: [] }, { a: 1 }, fakeContext())).status).toBe('ok');
  });
});

describe('validation compile', () => {
  const input = (rules: ValidationRule[], fieldsIn: string[] | null = ['n']) => ({
    nodeId: 'n_rules',
    config: { rules },
    fieldsIn,
    incomingEdges: [],
    outgoingEdges: [],
  });

  it('passes fields through and accepts good rules', () => {
    const out = compileValidation(input([rule({ field: 'n', expression: 'n > 0' })]));
    expect(out).toMatchObject({ diagnostics: [], fieldsOut: ['n'] });
  });

  it('reports bad expressions, duplicate ids and unknown fields with paths', () => {
    const out = compileValidation(
      input([rule({ expression: 'n >' }), rule({ expression: 'true', field: 'ghost' })]),
    );
    expect(out.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['expression_invalid', '/rules/0/expression'],
      ['rule_id_duplicate', '/rules/1/id'],
      ['rule_field_unknown', '/rules/1/field'],
    ]);
  });
});
