import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative } from './format-time';

describe('formatDuration', () => {
  it('reads well from sub-millisecond to seconds', () => {
    expect(formatDuration(0.2)).toBe('<1 ms');
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(1530)).toBe('1.53 s');
    expect(formatDuration(null)).toBe('—');
  });
});

describe('formatRelative', () => {
  it('says how long ago', () => {
    const now = Date.parse('2026-03-15T10:00:00Z');
    expect(formatRelative('2026-03-15T09:59:58Z', now)).toBe('just now');
    expect(formatRelative('2026-03-15T09:59:30Z', now)).toBe('30s ago');
    expect(formatRelative('2026-03-15T09:50:00Z', now)).toBe('10 min ago');
    expect(formatRelative('2026-03-15T07:00:00Z', now)).toBe('3 h ago');
  });
});
