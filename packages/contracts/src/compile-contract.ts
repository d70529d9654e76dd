import type { Contract, ContractField } from '@baton/schema';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { BATON_KEYWORDS, contractToJsonSchema, type JsonSchema } from './json-schema.js';

/** What a contract compiles to: the Ajv validator plus the lookups `apply` needs per record. */
export interface CompiledContract {
  readonly schema: JsonSchema;
  readonly validate: ValidateFunction;
  /** Contract fields by name (the first one wins when a name repeats, as in the schema's `required`). */
  readonly fields: ReadonlyMap<string, ContractField>;
  /** Field order in the contract, so checks read in the order the owner wrote the fields. */
  readonly order: ReadonlyMap<string, number>;
  readonly extraFields: Contract['extraFields'];
}

let shared: Ajv2020 | null = null;

/**
 * One Ajv instance for every contract, created on first use (importing this package, e.g. for
 * `patternError` in the compiler, costs nothing). Strict mode stays on: an unknown keyword or a
 * keyword on the wrong type is a bug in `contractToJsonSchema`, and tests should hear of it.
 */
export function sharedAjv(): Ajv2020 {
  if (shared) return shared;
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    keywords: [...BATON_KEYWORDS],
  });
  addFormats(ajv, ['date', 'date-time']);
  return (shared = ajv);
}

/** Builds the validator for one contract. Throws when Ajv cannot compile the schema. */
export function compileContract(contract: Contract): CompiledContract {
  const schema = contractToJsonSchema(contract);
  const validate = sharedAjv().compile(schema);
  const fields = new Map<string, ContractField>();
  const order = new Map<string, number>();
  contract.fields.forEach((field, i) => {
    if (fields.has(field.name)) return;
    fields.set(field.name, field);
    order.set(field.name, i);
  });
  return { schema, validate, fields, order, extraFields: contract.extraFields };
}

/** Lets Ajv forget a compiled schema (its own cache is keyed by the schema object, unbounded). */
export function releaseContract(compiled: CompiledContract): void {
  sharedAjv().removeSchema(compiled.schema);
}
