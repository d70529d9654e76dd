import type { Contract, ContractField, FieldKind } from '@baton/schema';
import { ContractImportError } from './import-error.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const SCALAR_KINDS: Record<string, FieldKind> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
};

function kindsOfSchema(name: string, schema: Record<string, unknown>, at: string): FieldKind[] {
  const declared = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const formats = isObject(schema) && typeof schema.format === 'string' ? [schema.format] : [];
  if (Array.isArray(schema.anyOf)) {
    for (const branch of schema.anyOf)
      if (isObject(branch) && typeof branch.format === 'string') formats.push(branch.format);
  }
  const kinds: FieldKind[] = [];
  for (const t of declared) {
    if (t === 'null') continue;
    if (t === 'string' && formats.length > 0) {
      // A string with a date format is the contract's date/datetime kind.
      for (const f of formats) kinds.push(f === 'date' ? 'date' : f === 'date-time' ? 'datetime' : 'string');
      continue;
    }
    const kind = SCALAR_KINDS[String(t)];
    if (!kind)
      throw new ContractImportError(
        'unsupported_construct',
        `${at}/type`,
        `field "${name}": type ${String(t)} is not supported (contracts hold flat records)`,
      );
    kinds.push(kind);
  }
  if (kinds.length === 0) {
    if (Array.isArray(schema.enum)) return ['enum'];
    return ['string'];
  }
  return [...new Set(kinds)];
}

function numberAt(schema: Record<string, unknown>, key: string, at: string): number | undefined {
  const value = schema[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number')
    throw new ContractImportError('not_a_json_schema', `${at}/${key}`, `${key} must be a number`);
  return value;
}

/** One property schema back to a contract field (the inverse of `fieldToJsonSchema`). */
function fieldFromSchema(name: string, raw: unknown, required: boolean, at: string): ContractField {
  if (!isObject(raw))
    throw new ContractImportError('not_a_json_schema', at, `field "${name}" is not a schema object`);
  const [type = 'string', ...alsoAccept] = kindsOfSchema(name, raw, at);
  const field: ContractField = { name, type, required };
  if (alsoAccept.length > 0) field.alsoAccept = alsoAccept;
  if (Array.isArray(raw.enum)) field.allowed = raw.enum as Array<string | number | boolean>;
  if (typeof raw.pattern === 'string') field.pattern = raw.pattern;
  const minimum = numberAt(raw, 'minimum', at);
  const maximum = numberAt(raw, 'maximum', at);
  if (minimum !== undefined) field.min = minimum;
  if (maximum !== undefined) field.max = maximum;
  const minLength = numberAt(raw, 'minLength', at);
  const maxLength = numberAt(raw, 'maxLength', at);
  if (minLength !== undefined) field.minLength = minLength;
  if (maxLength !== undefined) field.maxLength = maxLength;
  if (typeof raw.description === 'string') field.description = raw.description;
  if (typeof raw['x-baton-owner'] === 'string') field.owner = raw['x-baton-owner'];
  if (typeof raw['x-baton-sourceOfTruth'] === 'string') field.sourceOfTruth = raw['x-baton-sourceOfTruth'];
  const classification = raw['x-baton-classification'];
  if (classification === 'public' || classification === 'internal' || classification === 'pii')
    field.classification = classification;
  const onFail = raw['x-baton-onFail'];
  if (isObject(onFail) && (onFail.action === 'reject' || onFail.action === 'flag')) {
    const message = typeof onFail.message === 'string' ? onFail.message : undefined;
    field.onFail =
      onFail.action === 'reject'
        ? { action: 'reject', message: message ?? '' }
        : { action: 'flag', ...(message === undefined ? {} : { message }) };
  }
  if (typeof raw['x-baton-entryTimestamp'] === 'boolean')
    field.entryTimestamp = raw['x-baton-entryTimestamp'];
  return field;
}

/**
 * A JSON Schema (2020-12, as `contractToJsonSchema` writes it, or a plain object schema from
 * another tool) back to a contract. Nested objects and arrays are refused with the path: a
 * contract describes one flat record.
 */
export function jsonSchemaToContract(schema: unknown): Contract {
  if (!isObject(schema))
    throw new ContractImportError('not_a_json_schema', '', 'the document is not a JSON object');
  if (schema.type !== undefined && schema.type !== 'object')
    throw new ContractImportError(
      'not_a_json_schema',
      '/type',
      'a contract schema describes an object (type: object)',
    );
  const properties = schema.properties ?? {};
  if (!isObject(properties))
    throw new ContractImportError('not_a_json_schema', '/properties', 'properties must be an object');
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const fields = Object.entries(properties).map(([name, raw]) =>
    fieldFromSchema(
      name,
      raw,
      required.has(name),
      `/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    ),
  );
  return { fields, extraFields: schema.additionalProperties === false ? 'reject' : 'drop' };
}
