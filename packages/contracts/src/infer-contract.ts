import type { Contract, ContractField, FieldKind } from '@baton/schema';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function kindOf(value: unknown): FieldKind {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (DATETIME.test(trimmed) && trimmed === value) return 'datetime';
    if (DATE.test(trimmed) && trimmed === value) return 'date';
  }
  return 'string';
}

/**
 * A draft contract from one sample record: one field per top-level key, its kind guessed from
 * the value (dates only when already clean ISO, since the contract checks what arrives, not
 * what the mapping will make of it). Present, non-empty values are guessed required; owners,
 * rules and classifications are left for people to decide.
 */
export function inferContract(
  sample: Record<string, unknown>,
  extraFields: Contract['extraFields'] = 'drop',
): Contract {
  const fields: ContractField[] = Object.entries(sample).map(([name, value]) => ({
    name,
    type: value === null ? 'string' : kindOf(value),
    required: value !== null && value !== '' && value !== undefined,
    ...(/e-?mail|phone|birth|ssn|address/i.test(name) ? { classification: 'pii' as const } : {}),
  }));
  return { fields, extraFields };
}
