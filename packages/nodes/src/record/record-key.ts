import { canonicalJson } from '@baton/schema';
import { isBlank, readPath } from './field-path.js';

/**
 * The record key: the key fields' values joined with `|`, or null while any is missing. One
 * definition shared by the engine (trace key) and the write step (idempotency key), so the two
 * never disagree about which record this is.
 */
export function recordKeyOf(record: unknown, keyFields: readonly string[]): string | null {
  if (keyFields.length === 0) return null;
  const parts: string[] = [];
  for (const field of keyFields) {
    const value = readPath(record, field);
    if (isBlank(value)) return null;
    parts.push(typeof value === 'string' ? value : canonicalJson(value));
  }
  return parts.join('|');
}
