import type { Contract, ContractField } from '@baton/schema';
import fc from 'fast-check';

/** A field together with generators of values it accepts. */
export interface GeneratedField {
  field: ContractField;
  valid: fc.Arbitrary<unknown>;
  /** A value of the wrong kind, which the field must refuse. */
  invalid: unknown;
}

const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const meta = fc.record(
  {
    description: fc.string({ maxLength: 20 }),
    owner: fc.constantFrom('crm-admin', 'ops-lead', 'integration-team'),
    sourceOfTruth: fc.constantFrom('crm.order_id', 'erp.total'),
    classification: fc.constantFrom('public' as const, 'internal' as const, 'pii' as const),
    onFail: fc.oneof(
      fc.record({ action: fc.constant('reject' as const), message: fc.string({ maxLength: 20 }) }),
      fc.constant({ action: 'reject' as const, message: 'bad' }),
    ),
  },
  { requiredKeys: [] },
);

const pad = (n: number) => String(n).padStart(2, '0');

function fieldShape(
  fieldName: string,
  required: boolean,
): fc.Arbitrary<Omit<GeneratedField, 'field'> & { field: ContractField }> {
  const base = { name: fieldName, required };
  return fc.oneof(
    fc.integer({ min: 0, max: 5 }).chain((minLength) =>
      fc.constant({
        field: { ...base, type: 'string' as const, pattern: '^[a-z]+$', minLength, maxLength: minLength + 5 },
        valid: fc.stringMatching(new RegExp(`^[a-z]{${Math.max(1, minLength)},${minLength + 5}}$`)),
        invalid: 12345,
      }),
    ),
    fc.integer({ min: -100, max: 100 }).chain((min) =>
      fc.constant({
        field: { ...base, type: 'integer' as const, min, max: min + 50 },
        valid: fc.integer({ min, max: min + 50 }),
        invalid: 'not a number',
      }),
    ),
    fc.constant({
      field: { ...base, type: 'number' as const },
      valid: fc.double({ noNaN: true, noDefaultInfinity: true }),
      invalid: 'x',
    }),
    fc.constant({ field: { ...base, type: 'boolean' as const }, valid: fc.boolean(), invalid: 'yes' }),
    fc.constant({
      field: { ...base, type: 'date' as const },
      valid: fc
        .record({
          y: fc.integer({ min: 1990, max: 2090 }),
          m: fc.integer({ min: 1, max: 12 }),
          d: fc.integer({ min: 1, max: 28 }),
        })
        .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`),
      invalid: '2026-02-30',
    }),
    fc.constant({
      field: { ...base, type: 'datetime' as const },
      valid: fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2090-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString()),
      invalid: 'yesterday',
    }),
    fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 4 }).chain((allowed) =>
      fc.constant({
        field: { ...base, type: 'enum' as const, allowed },
        valid: fc.constantFrom(...allowed),
        invalid: 'NOT-ALLOWED',
      }),
    ),
  );
}

/** Contracts of 1–8 fields with distinct names, each with its value generators. */
export const generatedContract: fc.Arbitrary<{ contract: Contract; fields: GeneratedField[] }> = fc
  .uniqueArray(fc.tuple(name, fc.boolean()), { minLength: 1, maxLength: 8, selector: ([n]) => n })
  .chain((specs) => fc.tuple(...specs.map(([n, required]) => fieldShape(n, required))))
  .chain((fields) =>
    fc
      .constantFrom('drop' as const, 'reject' as const)
      .map((extraFields) => ({ contract: { fields: fields.map((f) => f.field), extraFields }, fields })),
  );

/** A record that satisfies the contract: required fields always, optional ones sometimes. */
export function validRecord(fields: readonly GeneratedField[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(...fields.map((f) => fc.tuple(f.valid, f.field.required ? fc.constant(true) : fc.boolean())))
    .map((values) => {
      const record: Record<string, unknown> = {};
      values.forEach(([value, present], i) => {
        if (present) record[fields[i]!.field.name] = value;
      });
      return record;
    });
}

/** Canonical contracts for round trips: every attribute both formats can hold. */
export const richContract: fc.Arbitrary<Contract> = generatedContract.chain(({ contract }) =>
  fc.tuple(...contract.fields.map(() => meta)).map((metas) => ({
    ...contract,
    fields: contract.fields.map((f, i) => ({ ...f, ...metas[i] })),
  })),
);
