import { describe, expect, it } from 'vitest';
import { diffRecords, showValue } from './record-diff';

describe('diffRecords', () => {
  it('marks fields added, removed, changed and unchanged, in first-seen order', () => {
    expect(diffRecords({ a: ' x', b: 1, c: true }, { a: 'x', b: 1, d: 'new' })).toEqual([
      { path: 'a', change: 'changed', before: ' x', after: 'x' },
      { path: 'b', change: 'same', before: 1, after: 1 },
      { path: 'c', change: 'removed', before: true, after: undefined },
      { path: 'd', change: 'added', before: undefined, after: 'new' },
    ]);
  });

  it('flattens nested objects to dot paths and compares arrays whole', () => {
    expect(
      diffRecords({ addr: { city: 'Oslo' }, tags: [1, 2] }, { addr: { city: 'Bergen' }, tags: [1, 2] }),
    ).toEqual([
      { path: 'addr.city', change: 'changed', before: 'Oslo', after: 'Bergen' },
      { path: 'tags', change: 'same', before: [1, 2], after: [1, 2] },
    ]);
  });

  it('treats a missing side as added or removed, and nothing as no rows', () => {
    expect(diffRecords(undefined, undefined)).toEqual([]);
    expect(diffRecords(null, { a: 1 })).toEqual([
      { path: '', change: 'changed', before: null, after: { a: 1 } },
    ]);
    expect(showValue(' SO-1')).toBe('" SO-1"');
    expect(showValue(undefined)).toBe('');
  });
});
