import { canonicalJson, type FieldChange } from '@baton/schema';

export type { FieldChange };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Field-level differences between two records, recursing into nested objects; arrays and
 * scalars compare as whole values (by canonical JSON, so key order does not count).
 */
export function diffFields(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  if (!isObject(before) || !isObject(after)) {
    if (canonicalJson(before ?? null) === canonicalJson(after ?? null)) return [];
    if (before === undefined) return [{ path: prefix, change: 'added', after }];
    if (after === undefined) return [{ path: prefix, change: 'removed', before }];
    return [{ path: prefix, change: 'changed', before, after }];
  }
  const changes: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!(key in after)) changes.push({ path, change: 'removed', before: before[key] });
    else if (!(key in before)) changes.push({ path, change: 'added', after: after[key] });
    else changes.push(...diffFields(before[key], after[key], path));
  }
  return changes;
}
