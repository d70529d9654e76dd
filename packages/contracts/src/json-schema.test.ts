import type { Contract, ContractField } from '@baton/schema';
import { describe, expect, it } from 'vitest';
import { sharedAjv } from './compile-contract.js';
import { contractToJsonSchema, fieldToJsonSchema, JSON_SCHEMA_DIALECT } from './json-schema.js';

const field = (over: Partial<ContractField> & Pick<ContractField, 'type'>): ContractField => ({
  name: 'f',
  required: false,
  ...over,
});

describe('fieldToJsonSchema: types', () => {
  it.each([
    ['string', { type: 'string' }],
    ['integer', { type: 'integer' }],
    ['number', { type: 'number' }],
    ['boolean', { type: 'boolean' }],
    ['date', { type: 'string', format: 'date' }],
    ['datetime', { type: 'string', format: 'date-time' }],
  ] as const)('%s', (type, schema) => {
    expect(fieldToJsonSchema(field({ type }))).toEqual(schema);
  });

  it('enum: the allowed values and no type (they may be strings, numbers or booleans)', () => {
    expect(fieldToJsonSchema(field({ type: 'enum', allowed: ['a', 2, true] }))).toEqual({
      enum: ['a', 2, true],
    });
  });

  it('alsoAccept adds JSON types; a format only when no plain string is accepted', () => {
    expect(fieldToJsonSchema(field({ type: 'string', alsoAccept: ['number'] }))).toEqual({
      type: ['string', 'number'],
    });
    expect(fieldToJsonSchema(field({ type: 'date', alsoAccept: ['integer'] }))).toEqual({
      type: ['string', 'integer'],
      format: 'date',
    });
    expect(fieldToJsonSchema(field({ type: 'date', alsoAccept: ['string'] }))).toEqual({ type: 'string' });
    expect(fieldToJsonSchema(field({ type: 'date', alsoAccept: ['datetime'] }))).toEqual({
      type: 'string',
      anyOf: [{ format: 'date' }, { format: 'date-time' }],
    });
  });
});

describe('fieldToJsonSchema: keywords', () => {
  it('allowed values become `enum` on any type, pattern stays as written', () => {
    expect(fieldToJsonSchema(field({ type: 'string', allowed: ['x', 'y'], pattern: '^[xy]$' }))).toEqual({
      type: 'string',
      enum: ['x', 'y'],
      pattern: '^[xy]$',
    });
  });

  it('min/max are lengths on a string and values on a number', () => {
    expect(fieldToJsonSchema(field({ type: 'string', min: 2, max: 5 }))).toEqual({
      type: 'string',
      minLength: 2,
      maxLength: 5,
    });
    expect(fieldToJsonSchema(field({ type: 'number', min: 0.5, max: 9 }))).toEqual({
      type: 'number',
      minimum: 0.5,
      maximum: 9,
    });
    expect(
      fieldToJsonSchema(field({ type: 'integer', min: 1, minLength: 3, alsoAccept: ['string'] })),
    ).toEqual({
      type: ['integer', 'string'],
      minLength: 3,
      minimum: 1,
    });
  });

  it('explicit minLength/maxLength win over min/max on a string', () => {
    expect(fieldToJsonSchema(field({ type: 'string', min: 1, minLength: 4, maxLength: 8 }))).toEqual({
      type: 'string',
      minLength: 4,
      maxLength: 8,
    });
  });

  it('writes keywords only where they apply (a boolean has no bounds, a date no length)', () => {
    expect(fieldToJsonSchema(field({ type: 'boolean', min: 1, pattern: 'x' }))).toEqual({ type: 'boolean' });
    expect(fieldToJsonSchema(field({ type: 'date', min: 1 }))).toEqual({ type: 'string', format: 'date' });
    expect(fieldToJsonSchema(field({ type: 'enum', allowed: ['a'], min: 1, pattern: 'a' }))).toEqual({
      enum: ['a'],
    });
  });

  it('carries description and the x-baton-* metadata', () => {
    const f = field({
      type: 'datetime',
      description: 'Entered',
      owner: 'crm-admin',
      sourceOfTruth: 'crm.created_at',
      classification: 'pii',
      onFail: { action: 'flag', message: 'late' },
      entryTimestamp: true,
    });
    expect(fieldToJsonSchema(f)).toEqual({
      type: 'string',
      format: 'date-time',
      description: 'Entered',
      'x-baton-owner': 'crm-admin',
      'x-baton-sourceOfTruth': 'crm.created_at',
      'x-baton-classification': 'pii',
      'x-baton-onFail': { action: 'flag', message: 'late' },
      'x-baton-entryTimestamp': true,
    });
  });
});

describe('contractToJsonSchema', () => {
  const contract = (extraFields: Contract['extraFields']): Contract => ({
    fields: [field({ name: 'a', type: 'string', required: true }), field({ name: 'b', type: 'integer' })],
    extraFields,
  });

  it('is a 2020-12 object schema with required fields and additionalProperties from extraFields', () => {
    expect(contractToJsonSchema(contract('drop'))).toEqual({
      $schema: JSON_SCHEMA_DIALECT,
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'integer' } },
      required: ['a'],
      additionalProperties: true,
    });
    expect(contractToJsonSchema(contract('reject')).additionalProperties).toBe(false);
  });

  it('compiles in strict Ajv for every type and keyword combination', () => {
    const kinds = ['string', 'integer', 'number', 'boolean', 'date', 'datetime', 'enum'] as const;
    const fields = kinds.flatMap((type) =>
      kinds.map((other, i) =>
        field({
          name: `${type}_${other}`,
          type,
          alsoAccept: [other],
          required: i % 2 === 0,
          allowed: type === 'enum' ? ['a', 1] : undefined,
          pattern: '^a',
          min: 1,
          max: 9,
          minLength: 1,
          maxLength: 9,
          owner: 'o',
          classification: 'internal',
          onFail: { action: 'reject', message: 'no' },
          entryTimestamp: false,
        }),
      ),
    );
    const schema = contractToJsonSchema({ fields, extraFields: 'reject' });
    expect(() => sharedAjv().compile(schema)).not.toThrow();
    sharedAjv().removeSchema(schema);
  });
});
