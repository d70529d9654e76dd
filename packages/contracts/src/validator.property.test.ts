import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedContract, validRecord } from './contract-arbitraries.test-support.js';
import { createContractValidator } from './validator.js';

describe('createContractValidator (properties)', () => {
  it('passes every record generated to satisfy a generated contract', () => {
    fc.assert(
      fc.property(
        generatedContract.chain((g) => fc.tuple(fc.constant(g), validRecord(g.fields))),
        ([g, record]) => {
          const result = createContractValidator(g.contract).apply(record);
          expect(result.checks.filter((c) => c.result !== 'pass')).toEqual([]);
          expect(result.outcome).toBe('pass');
          expect(result.record).toEqual(record);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('fails a record with one mutated field, naming exactly that field', () => {
    const arb = generatedContract.chain((g) =>
      fc.tuple(fc.constant(g), validRecord(g.fields), fc.nat({ max: g.fields.length - 1 }), fc.boolean()),
    );
    fc.assert(
      fc.property(arb, ([g, record, index, removeIt]) => {
        const target = g.fields[index]!;
        const mutated = { ...record };
        // A required field may also break by going missing; an optional one only by a wrong value.
        if (removeIt && target.field.required) delete mutated[target.field.name];
        else mutated[target.field.name] = target.invalid;
        const result = createContractValidator(g.contract).apply(mutated);
        expect(result.outcome).toBe('reject');
        const named = new Set(result.checks.filter((c) => c.result !== 'pass').map((c) => c.field));
        expect([...named]).toEqual([target.field.name]);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('drops extra fields under drop (counted) and rejects them under reject', () => {
    const arb = generatedContract.chain((g) =>
      fc.tuple(fc.constant(g), validRecord(g.fields), fc.stringMatching(/^X[A-Z]{1,6}$/)),
    );
    fc.assert(
      fc.property(arb, ([g, record, extra]) => {
        const result = createContractValidator(g.contract).apply({ ...record, [extra]: 1 });
        if (g.contract.extraFields === 'drop') {
          expect(result.outcome).toBe('pass');
          expect(result.dropped).toEqual([extra]);
          expect(result.record).toEqual(record);
        } else {
          expect(result.outcome).toBe('reject');
          expect(result.checks.map((c) => c.field)).toEqual([extra]);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
