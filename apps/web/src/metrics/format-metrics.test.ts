import { describe, expect, it } from 'vitest';
import { formatChange, formatRate, formatSpan, isoDay, shortDay } from './format-metrics';

describe('metric formats', () => {
  it('reads durations in minutes, hours and days', () => {
    expect(formatSpan(null)).toBe('—');
    expect(formatSpan(30_000)).toBe('30 s');
    expect(formatSpan(45 * 60_000)).toBe('45 min');
    expect(formatSpan(4.2 * 3_600_000)).toBe('4.2 h');
    expect(formatSpan(36 * 3_600_000)).toBe('1.5 d');
  });

  it('formats rates and changes against the baseline', () => {
    expect(formatRate(0.375)).toBe('38%');
    expect(formatRate(0.05)).toBe('5.0%');
    expect(formatChange(-40.2)).toBe('−40%');
    expect(formatChange(12.6)).toBe('+13%');
    expect(formatChange(0.2)).toBe('±0%');
    expect(formatChange(null)).toBe('—');
  });

  it('names days in UTC', () => {
    expect(isoDay(new Date('2026-03-10T23:30:00Z'), 1)).toBe('2026-03-09');
    expect(shortDay('2026-03-09')).toBe('9/3');
  });
});
