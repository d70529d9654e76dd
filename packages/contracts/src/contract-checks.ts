import type { Check, ContractField, FieldKind } from '@baton/schema';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { kindsOf } from './json-schema.js';

const KIND_WORDS: Record<FieldKind, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date (YYYY-MM-DD)',
  datetime: 'a date-time with a time zone (e.g. 2026-03-15T09:30:00Z)',
  enum: 'one of the allowed values',
};

/** Rule names that differ from the Ajv keyword: the contract's own words. */
const RULE_OF_KEYWORD: Record<string, string> = {
  additionalProperties: 'extraFields',
  // `anyOf` is only written for a field that takes a date or a date-time.
  anyOf: 'format',
};

const param = (error: ErrorObject, name: string): unknown => (error.params as Record<string, unknown>)[name];

/** The top-level field an error is about: the missing or extra property, else the instance path. */
export function fieldOfError(error: ErrorObject): string | undefined {
  if (error.keyword === 'required') return String(param(error, 'missingProperty'));
  if (error.keyword === 'additionalProperties') return String(param(error, 'additionalProperty'));
  const first = error.instancePath.split('/')[1];
  return first === undefined ? undefined : first.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Errors inside an `anyOf` branch repeat what the `anyOf` error already says. */
export const isBranchError = (error: ErrorObject): boolean => /\/anyOf\/\d+\//.test(error.schemaPath);

function generatedMessage(error: ErrorObject, name: string, field: ContractField | undefined): string {
  const kinds = field ? kindsOf(field) : [];
  switch (error.keyword) {
    case 'required':
      return `${name} is required`;
    case 'additionalProperties':
      return `${name} is not in the contract (extra fields are rejected)`;
    case 'type':
    case 'format':
    case 'anyOf':
      return `${name} must be ${kinds.map((k) => KIND_WORDS[k]).join(' or ') || 'of the contracted type'}`;
    case 'enum':
      return `${name} must be one of ${(field?.allowed ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return `${name} must match ${String(param(error, 'pattern'))}`;
    case 'minimum':
      return `${name} must be at least ${String(param(error, 'limit'))}`;
    case 'maximum':
      return `${name} must be at most ${String(param(error, 'limit'))}`;
    case 'minLength':
      return `${name} must be at least ${String(param(error, 'limit'))} characters long`;
    case 'maxLength':
      return `${name} must be at most ${String(param(error, 'limit'))} characters long`;
    default:
      return `${name} ${error.message ?? 'breaks the contract'}`;
  }
}

/**
 * One Ajv error as a trace check. The field's `onFail` decides the result (a `reject`, the
 * default, fails; a `flag` flags) and, when it has one, the message the owner wrote. An extra
 * field has no contract field behind it, so it always fails with a generated message.
 */
export function checkOfError(error: ErrorObject, fields: ReadonlyMap<string, ContractField>): Check {
  const name = fieldOfError(error);
  const field = name === undefined ? undefined : fields.get(name);
  const onFail = field?.onFail;
  return {
    rule: `contract.${RULE_OF_KEYWORD[error.keyword] ?? error.keyword}`,
    ...(name === undefined ? {} : { field: name }),
    result: onFail?.action === 'flag' ? 'flag' : 'fail',
    message: onFail?.message ?? generatedMessage(error, name ?? 'the record', field),
    ...(field?.owner === undefined ? {} : { owner: field.owner }),
  };
}
