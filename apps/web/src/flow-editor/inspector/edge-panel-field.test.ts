import { describe, expect, it } from 'vitest';
import { withAttr } from './edge-panel-field';

describe('withAttr', () => {
  it('sets an attribute and removes it for undefined or empty text', () => {
    const field = { name: 'f', type: 'string' as const, required: false };
    const withPattern = withAttr(field, 'pattern', '^a');
    expect(withPattern.pattern).toBe('^a');
    expect('pattern' in withAttr(withPattern, 'pattern', '')).toBe(false);
    expect('min' in withAttr({ ...field, min: 1 }, 'min', undefined)).toBe(false);
    expect(field).toEqual({ name: 'f', type: 'string', required: false });
  });
});
