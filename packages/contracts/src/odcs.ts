import type { Contract, ContractField, FieldKind, OnFail } from '@baton/schema';
import { parse, stringify } from 'yaml';
import { ContractImportError } from './import-error.js';

/** The ODCS version written; `enum` on properties arrived in v3.2.0. */
export const ODCS_API_VERSION = 'v3.2.0';

export interface OdcsExportOptions {
  /** The contract document's id (e.g. `<flowId>.<edgeId>`). */
  id: string;
  name: string;
  /** The schema object's name: what crosses the hand-off. */
  objectName?: string;
  version?: string;
}

interface CustomProperty {
  property: string;
  value: unknown;
}

type Doc = Record<string, unknown>;

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** ODCS logical types per contract kind; `physicalType` keeps date and datetime apart. */
const LOGICAL: Record<FieldKind, { logicalType: string; physicalType: string }> = {
  string: { logicalType: 'string', physicalType: 'string' },
  integer: { logicalType: 'integer', physicalType: 'integer' },
  number: { logicalType: 'number', physicalType: 'number' },
  boolean: { logicalType: 'boolean', physicalType: 'boolean' },
  date: { logicalType: 'date', physicalType: 'date' },
  datetime: { logicalType: 'date', physicalType: 'timestamp' },
  enum: { logicalType: 'string', physicalType: 'enum' },
};

function propertyOf(field: ContractField): Doc {
  const { logicalType, physicalType } = LOGICAL[field.type];
  const property: Doc = { name: field.name, logicalType, physicalType, required: field.required };
  if (field.description !== undefined) property.description = field.description;
  if (field.classification !== undefined) property.classification = field.classification;
  const options: Doc = {};
  if (field.pattern !== undefined) options.pattern = field.pattern;
  if (field.minLength !== undefined) options.minLength = field.minLength;
  if (field.maxLength !== undefined) options.maxLength = field.maxLength;
  if (field.min !== undefined) options.minimum = field.min;
  if (field.max !== undefined) options.maximum = field.max;
  if (Object.keys(options).length > 0) property.logicalTypeOptions = options;
  if (field.allowed !== undefined) property.enum = field.allowed.map((value) => ({ value }));
  // What ODCS has no word for travels as customProperties, named after the contract's own keys.
  const custom: CustomProperty[] = [];
  if (field.owner !== undefined) custom.push({ property: 'owner', value: field.owner });
  if (field.sourceOfTruth !== undefined)
    custom.push({ property: 'sourceOfTruth', value: field.sourceOfTruth });
  if (field.onFail !== undefined) custom.push({ property: 'onFail', value: { ...field.onFail } });
  if (field.alsoAccept !== undefined) custom.push({ property: 'alsoAccept', value: [...field.alsoAccept] });
  if (field.entryTimestamp !== undefined)
    custom.push({ property: 'entryTimestamp', value: field.entryTimestamp });
  if (field.type === 'enum') custom.push({ property: 'batonType', value: 'enum' });
  if (custom.length > 0) property.customProperties = custom;
  return property;
}

/** The contract as an ODCS v3 YAML document with one schema object. */
export function contractToOdcs(contract: Contract, options: OdcsExportOptions): string {
  const document = {
    apiVersion: ODCS_API_VERSION,
    kind: 'DataContract',
    id: options.id,
    name: options.name,
    version: options.version ?? '1.0.0',
    status: 'active',
    schema: [
      {
        name: options.objectName ?? 'record',
        logicalType: 'object',
        physicalType: 'object',
        customProperties: [{ property: 'extraFields', value: contract.extraFields }],
        properties: contract.fields.map(propertyOf),
      },
    ],
  };
  return stringify(document, { lineWidth: 0 });
}

function customValue(custom: unknown, name: string): unknown {
  if (!Array.isArray(custom)) return undefined;
  return custom.find((c): c is CustomProperty => isObject(c) && c.property === name)?.value;
}

const KIND_OF_LOGICAL: Record<string, FieldKind> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'datetime',
};

function kindOf(property: Doc, at: string): FieldKind {
  if (customValue(property.customProperties, 'batonType') === 'enum') return 'enum';
  const logical = typeof property.logicalType === 'string' ? property.logicalType : 'string';
  if (logical === 'date') {
    const physical = typeof property.physicalType === 'string' ? property.physicalType.toLowerCase() : '';
    return physical.includes('timestamp') || physical.includes('datetime') ? 'datetime' : 'date';
  }
  const kind = KIND_OF_LOGICAL[logical];
  if (!kind)
    throw new ContractImportError(
      'unsupported_construct',
      `${at}/logicalType`,
      `property "${String(property.name)}" has logicalType ${logical}; a contract holds flat records of string, integer, number, boolean and date values`,
    );
  return kind;
}

function allowedOf(property: Doc): Array<string | number | boolean> | undefined {
  // v3.2 `enum: [{value}]`; older documents list valid values in a library quality rule.
  if (Array.isArray(property.enum))
    return property.enum.map((e: unknown) => (isObject(e) ? e.value : e)) as Array<string | number | boolean>;
  if (Array.isArray(property.quality)) {
    for (const rule of property.quality) {
      if (isObject(rule) && Array.isArray(rule.validValues))
        return rule.validValues as Array<string | number | boolean>;
    }
  }
  return undefined;
}

const numberOr = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function fieldOf(raw: unknown, at: string): ContractField {
  if (!isObject(raw) || typeof raw.name !== 'string' || raw.name === '')
    throw new ContractImportError('not_an_odcs_document', at, 'a property needs a name');
  const field: ContractField = { name: raw.name, type: kindOf(raw, at), required: raw.required === true };
  const custom = raw.customProperties;
  const alsoAccept = customValue(custom, 'alsoAccept');
  if (Array.isArray(alsoAccept)) field.alsoAccept = alsoAccept as FieldKind[];
  const allowed = allowedOf(raw);
  if (allowed !== undefined) field.allowed = allowed;
  const options = isObject(raw.logicalTypeOptions) ? raw.logicalTypeOptions : {};
  if (typeof options.pattern === 'string') field.pattern = options.pattern;
  const bounds = [
    ['min', numberOr(options.minimum)],
    ['max', numberOr(options.maximum)],
    ['minLength', numberOr(options.minLength)],
    ['maxLength', numberOr(options.maxLength)],
  ] as const;
  for (const [key, value] of bounds) if (value !== undefined) field[key] = value;
  if (typeof raw.description === 'string') field.description = raw.description;
  const owner = customValue(custom, 'owner');
  if (typeof owner === 'string') field.owner = owner;
  const sourceOfTruth = customValue(custom, 'sourceOfTruth');
  if (typeof sourceOfTruth === 'string') field.sourceOfTruth = sourceOfTruth;
  // ODCS classification is free text; only Baton's three values carry meaning here.
  if (raw.classification === 'public' || raw.classification === 'internal' || raw.classification === 'pii')
    field.classification = raw.classification;
  const onFail = customValue(custom, 'onFail');
  if (isObject(onFail) && (onFail.action === 'reject' || onFail.action === 'flag'))
    field.onFail = onFail as OnFail;
  const entry = customValue(custom, 'entryTimestamp');
  if (typeof entry === 'boolean') field.entryTimestamp = entry;
  return field;
}

/**
 * An ODCS v3 YAML (or JSON) document back to a contract, from its first schema object or the
 * one named `objectName`. Written by Baton it round-trips; written by another tool, the
 * properties Baton understands are read and the rest is ignored.
 */
export function odcsToContract(text: string, objectName?: string): Contract {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new ContractImportError(
      'not_an_odcs_document',
      '',
      `not YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  if (!isObject(document) || document.kind !== 'DataContract')
    throw new ContractImportError('not_an_odcs_document', '/kind', 'an ODCS document has kind: DataContract');
  if (typeof document.apiVersion !== 'string' || !document.apiVersion.startsWith('v3'))
    throw new ContractImportError(
      'not_an_odcs_document',
      '/apiVersion',
      `only ODCS v3 documents are read (apiVersion ${String(document.apiVersion)})`,
    );
  const objects = Array.isArray(document.schema) ? document.schema : [];
  const index = objectName === undefined ? 0 : objects.findIndex((o) => isObject(o) && o.name === objectName);
  const object: unknown = objects[index];
  if (index < 0 || !isObject(object))
    throw new ContractImportError(
      'not_an_odcs_document',
      '/schema',
      objectName === undefined
        ? 'the document has no schema object'
        : `no schema object named "${objectName}"`,
    );
  const properties = Array.isArray(object.properties) ? object.properties : [];
  const fields = properties.map((p, i) => fieldOf(p, `/schema/${index}/properties/${i}`));
  const extra = customValue(object.customProperties, 'extraFields');
  return { fields, extraFields: extra === 'reject' ? 'reject' : 'drop' };
}
