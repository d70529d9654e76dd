import type { Contract, ContractField, FieldKind } from '@baton/schema';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Contract metadata that JSON Schema has no word for. Carried as annotation keywords so an
 * exported schema keeps everything the contract says; the validator registers them as
 * keywords without validation, which keeps Ajv's strict mode on for everything else.
 */
export const BATON_KEYWORDS = [
  'x-baton-owner',
  'x-baton-sourceOfTruth',
  'x-baton-classification',
  'x-baton-onFail',
  'x-baton-entryTimestamp',
] as const;

/** A JSON Schema object as this package writes it (plain data, JSON-serialisable). */
export type JsonSchema = { [keyword: string]: unknown };

type JsonType = 'string' | 'integer' | 'number' | 'boolean';

const JSON_TYPE: Record<FieldKind, JsonType | null> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'string',
  datetime: 'string',
  // An enum is constrained by its allowed values alone; those may be strings, numbers or booleans.
  enum: null,
};

const FORMAT: Partial<Record<FieldKind, string>> = { date: 'date', datetime: 'date-time' };

/** The field's type followed by its `alsoAccept` types, without repeats. */
export function kindsOf(field: ContractField): FieldKind[] {
  return [...new Set([field.type, ...(field.alsoAccept ?? [])])];
}

/**
 * A field's string formats. A plain `string` among the kinds accepts any string, so no format
 * applies; `date` and `datetime` together accept either.
 */
function formatsOf(kinds: readonly FieldKind[]): string[] {
  if (kinds.includes('string')) return [];
  return kinds.flatMap((k) => FORMAT[k] ?? []);
}

/**
 * Only keywords that apply to the field's JSON types are written (Ajv's strictTypes would
 * refuse the others): length and pattern for strings, bounds for numbers. `min`/`max` mean
 * length on a `string` field and value on a numeric one.
 */
export function fieldToJsonSchema(field: ContractField): JsonSchema {
  const kinds = kindsOf(field);
  const schema: JsonSchema = {};
  if (field.description !== undefined) schema.description = field.description;

  const enumerated = kinds.includes('enum');
  const types = enumerated ? [] : [...new Set(kinds.map((k) => JSON_TYPE[k]).filter((t) => t !== null))];
  if (types.length === 1) schema.type = types[0];
  else if (types.length > 1) schema.type = types;
  // Ajv refuses an empty `enum`; an enum field without values is a compile error instead.
  if (field.allowed !== undefined && field.allowed.length > 0) schema.enum = [...field.allowed];

  const hasString = types.includes('string');
  const hasNumber = types.includes('integer') || types.includes('number');
  // `min`/`max` of a date say nothing a number could express, so only plain strings use them.
  const lengthBounds = field.type === 'string';
  if (hasString) {
    const formats = formatsOf(kinds);
    if (formats.length === 1) schema.format = formats[0];
    else if (formats.length > 1) schema.anyOf = formats.map((format) => ({ format }));
    if (field.pattern !== undefined) schema.pattern = field.pattern;
    const minLength = field.minLength ?? (lengthBounds ? field.min : undefined);
    const maxLength = field.maxLength ?? (lengthBounds ? field.max : undefined);
    if (minLength !== undefined) schema.minLength = minLength;
    if (maxLength !== undefined) schema.maxLength = maxLength;
  }
  if (hasNumber && !lengthBounds) {
    if (field.min !== undefined) schema.minimum = field.min;
    if (field.max !== undefined) schema.maximum = field.max;
  }

  if (field.owner !== undefined) schema['x-baton-owner'] = field.owner;
  if (field.sourceOfTruth !== undefined) schema['x-baton-sourceOfTruth'] = field.sourceOfTruth;
  if (field.classification !== undefined) schema['x-baton-classification'] = field.classification;
  if (field.onFail !== undefined) schema['x-baton-onFail'] = { ...field.onFail };
  if (field.entryTimestamp !== undefined) schema['x-baton-entryTimestamp'] = field.entryTimestamp;
  return schema;
}

/**
 * The contract as a JSON Schema 2020-12 document for one record. `additionalProperties` is
 * false only under `extraFields: 'reject'`: with `drop`, extra fields are not an error, they
 * are stripped before the record crosses. Pure; a new object on every call.
 */
export function contractToJsonSchema(contract: Contract): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of contract.fields) properties[field.name] = fieldToJsonSchema(field);
  const required = [...new Set(contract.fields.filter((f) => f.required).map((f) => f.name))];
  return {
    $schema: JSON_SCHEMA_DIALECT,
    type: 'object',
    properties,
    required,
    additionalProperties: contract.extraFields === 'drop',
  };
}
