import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { SQL_IDENTIFIER } from '@baton/nodes';

/**
 * What a node's config errors say to the person filling in its panel: the setting, then what it
 * needs ("Table: required", "Key fields: add at least one"), not JSON Schema's wording ("/table:
 * Expected string length greater or equal to 1"). One message per setting: an empty table broke
 * both its length and its pattern, and the second said nothing the first did not.
 */
export function configErrorMessages(errors: Iterable<ValueError>): { path: string; message: string }[] {
  const seen = new Set<string>();
  const messages: { path: string; message: string }[] = [];
  for (const error of errors) {
    if (seen.has(error.path)) continue;
    seen.add(error.path);
    messages.push({ path: error.path, message: `${settingName(error)}: ${problem(error)}` });
  }
  return messages;
}

/**
 * The setting's name: the schema's `title` where it has one, else its path in words
 * (`/keyFields/0` → "Key fields, item 1", `/rules/2/message` → "Rules, item 3, message").
 */
function settingName(error: ValueError): string {
  const title = (error.schema as { title?: unknown }).title;
  if (typeof title === 'string' && title) return title;
  const words = error.path
    .split('/')
    .filter(Boolean)
    .map((segment) =>
      /^\d+$/.test(segment)
        ? `item ${Number(segment) + 1}`
        : segment.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase(),
    );
  if (words.length === 0) return 'Settings';
  const name = words.join(', ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function problem(error: ValueError): string {
  const schema = error.schema as Record<string, unknown>;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'required';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'not a setting of this node';
    case ValueErrorType.StringMinLength:
      return schema['minLength'] === 1 ? 'required' : `at least ${String(schema['minLength'])} characters`;
    case ValueErrorType.StringMaxLength:
      return `at most ${String(schema['maxLength'])} characters`;
    case ValueErrorType.StringPattern:
      return schema['pattern'] === SQL_IDENTIFIER
        ? 'letters, digits and _ only, not starting with a digit'
        : 'not in the expected form';
    case ValueErrorType.StringFormat:
      return `not a valid ${String(schema['format'])}`;
    case ValueErrorType.ArrayMinItems:
      return schema['minItems'] === 1 ? 'add at least one' : `add at least ${String(schema['minItems'])}`;
    case ValueErrorType.ArrayMaxItems:
      return `at most ${String(schema['maxItems'])}`;
    case ValueErrorType.ArrayUniqueItems:
      return 'the same entry twice';
    case ValueErrorType.Literal:
    case ValueErrorType.Union: {
      const choices = literalChoices(schema);
      return choices ? `one of ${choices.join(', ')}` : 'not one of the allowed forms';
    }
    case ValueErrorType.String:
      return 'should be text';
    case ValueErrorType.Number:
      return 'should be a number';
    case ValueErrorType.Integer:
      return 'should be a whole number';
    case ValueErrorType.Boolean:
      return 'should be yes or no';
    case ValueErrorType.Array:
      return 'should be a list';
    case ValueErrorType.Object:
      return 'should be a group of settings';
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `at least ${String(schema['minimum'])}`;
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `at most ${String(schema['maximum'])}`;
    default:
      return error.message;
  }
}

/** The values of a literal or of a union of literals, quoted; null for any other schema. */
function literalChoices(schema: Record<string, unknown>): string[] | null {
  if ('const' in schema) return [JSON.stringify(schema['const'])];
  const anyOf = schema['anyOf'];
  if (!Array.isArray(anyOf)) return null;
  const values: string[] = [];
  for (const option of anyOf as Record<string, unknown>[]) {
    if (!('const' in option)) return null;
    values.push(JSON.stringify(option['const']));
  }
  return values;
}
