export type RowChange = 'same' | 'added' | 'removed' | 'changed';

export interface DiffRow {
  path: string;
  change: RowChange;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Field rows of two records side by side: every field of either, nested objects flattened to
 * dot paths, each marked same/added/removed/changed. Arrays and scalars are whole values.
 * A value that is not an object on either side is one row with path `''`.
 */
export function diffRecords(before: unknown, after: unknown, prefix = ''): DiffRow[] {
  if (!isObject(before) || !isObject(after)) {
    if (prefix === '' && before === undefined && after === undefined) return [];
    const change: RowChange = same(before, after)
      ? 'same'
      : before === undefined
        ? 'added'
        : after === undefined
          ? 'removed'
          : 'changed';
    return [{ path: prefix, change, before, after }];
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((key) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!(key in after)) return [{ path, change: 'removed' as const, before: before[key], after: undefined }];
    if (!(key in before)) return [{ path, change: 'added' as const, before: undefined, after: after[key] }];
    return diffRecords(before[key], after[key], path);
  });
}

/** How a value shows in a diff cell: strings quoted so " SO-1" and "SO-1" differ visibly. */
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value);
}
