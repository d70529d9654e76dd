import { describe, expect, it } from 'vitest';
import { COMPACT_LABEL_CHARS, compactLabel } from './level-of-detail';

describe('compactLabel', () => {
  it('keeps a name that fits', () => {
    expect(compactLabel('validation 65')).toBe('validation 65');
    expect(compactLabel('x'.repeat(COMPACT_LABEL_CHARS))).toBe('x'.repeat(COMPACT_LABEL_CHARS));
  });

  it('cuts a longer name to the limit, ellipsis included, without a trailing space', () => {
    const cut = compactLabel('Normalise the incoming order fields');
    expect(cut).toBe('Normalise the incoming…');
    expect(cut.length).toBeLessThanOrEqual(COMPACT_LABEL_CHARS);
    expect(compactLabel('y'.repeat(COMPACT_LABEL_CHARS + 1))).toBe(`${'y'.repeat(COMPACT_LABEL_CHARS - 1)}…`);
  });
});
