import { describe, expect, it } from 'vitest';
import { applyTransform, applyTransforms, parseDate } from './transforms.js';

describe('text transforms', () => {
  it('trim, lower and upper change strings and pass anything else through', () => {
    expect(applyTransform('  Gold \t', { op: 'trim' })).toBe('Gold');
    expect(applyTransform('Ada@Example.COM', { op: 'lower' })).toBe('ada@example.com');
    expect(applyTransform('ac-123456', { op: 'upper' })).toBe('AC-123456');
    expect(applyTransform(42, { op: 'trim' })).toBe(42);
    expect(applyTransform(undefined, { op: 'lower' })).toBeUndefined();
  });
});

describe('enumMap', () => {
  const tiers = { gold: 'premium', silver: 'standard' };
  it('maps known values and leaves unknown ones alone without a default', () => {
    expect(applyTransform('gold', { op: 'enumMap', map: tiers })).toBe('premium');
    expect(applyTransform('platinum', { op: 'enumMap', map: tiers })).toBe('platinum');
  });
  it('uses the default for unmatched and missing values', () => {
    const t = { op: 'enumMap', map: tiers, default: 'unknown' } as const;
    expect(applyTransform('platinum', t)).toBe('unknown');
    expect(applyTransform(undefined, t)).toBe('unknown');
    expect(applyTransform(null, t)).toBe('unknown');
  });
  it('matches case-insensitively only when asked', () => {
    expect(applyTransform('GOLD', { op: 'enumMap', map: tiers })).toBe('GOLD');
    expect(applyTransform('GOLD', { op: 'enumMap', map: tiers, caseInsensitive: true })).toBe('premium');
  });
  it('matches numbers by their text and ignores inherited keys', () => {
    expect(applyTransform(1, { op: 'enumMap', map: { '1': 'one' } })).toBe('one');
    expect(applyTransform('toString', { op: 'enumMap', map: {}, default: 'none' })).toBe('none');
  });
});

describe('number', () => {
  const dot = { op: 'number', decimalSeparator: '.' } as const;
  const comma = { op: 'number', decimalSeparator: ',' } as const;
  it('strips thousands separators and spaces for either decimal separator', () => {
    expect(applyTransform('1,249.50', dot)).toBe(1249.5);
    expect(applyTransform(' 1 249.50 ', dot)).toBe(1249.5);
    expect(applyTransform('1.249,50', comma)).toBe(1249.5);
    expect(applyTransform('1\u00a0249,5', comma)).toBe(1249.5);
    expect(applyTransform('-3', dot)).toBe(-3);
  });
  it('multiplies and rounds to decimal places, half away from zero', () => {
    expect(applyTransform('1,249.50', { ...dot, multiplyBy: 100, round: 0 })).toBe(124950);
    expect(applyTransform(19.99, { ...dot, multiplyBy: 100, round: 0 })).toBe(1999);
    expect(applyTransform('1.005', { ...dot, round: 2 })).toBe(1.01);
    expect(applyTransform('-2.5', { ...dot, round: 0 })).toBe(-3);
  });
  it('leaves non-numeric values as they are, for validation to catch', () => {
    expect(applyTransform('abc', dot)).toBe('abc');
    expect(applyTransform('1.2.3', dot)).toBe('1.2.3');
    expect(applyTransform('', dot)).toBe('');
    expect(applyTransform(undefined, dot)).toBeUndefined();
    expect(applyTransform(true, dot)).toBe(true);
  });
});

describe('date', () => {
  it('converts each named format to YYYY-MM-DD with zero padding', () => {
    expect(parseDate('3/5/2026', ['M/D/YYYY'])).toBe('2026-03-05');
    expect(parseDate('03/15/2026', ['M/D/YYYY'])).toBe('2026-03-15');
    expect(parseDate('15/3/2026', ['D/M/YYYY'])).toBe('2026-03-15');
    expect(parseDate('15.3.2026', ['D.M.YYYY'])).toBe('2026-03-15');
    expect(parseDate('20260315', ['YYYYMMDD'])).toBe('2026-03-15');
    expect(parseDate('2026-03-15', ['YYYY-MM-DD'])).toBe('2026-03-15');
    expect(parseDate('2026-03-15T23:30:00-05:00', ['ISO8601'])).toBe('2026-03-15');
  });
  it('tries formats in order and skips shapes out of range', () => {
    expect(parseDate('2026-03-15', ['M/D/YYYY', 'YYYY-MM-DD'])).toBe('2026-03-15');
    expect(parseDate('25/12/2026', ['M/D/YYYY', 'D/M/YYYY'])).toBe('2026-12-25');
    expect(parseDate('12/25/2026', ['M/D/YYYY', 'D/M/YYYY'])).toBe('2026-12-25');
  });
  it('checks shape only: 2/30 converts, and a validation rule catches it', () => {
    expect(applyTransform('02/30/2026', { op: 'date', formats: ['M/D/YYYY'] })).toBe('2026-02-30');
  });
  it('leaves unparseable values unchanged', () => {
    expect(applyTransform('next tuesday', { op: 'date', formats: ['M/D/YYYY'] })).toBe('next tuesday');
    expect(applyTransform(20260315, { op: 'date', formats: ['YYYYMMDD'] })).toBe(20260315);
  });
});

describe('default and constant', () => {
  it('default fills missing, null and blank values only', () => {
    const t = { op: 'default', value: 'n/a' } as const;
    expect(applyTransform(undefined, t)).toBe('n/a');
    expect(applyTransform(null, t)).toBe('n/a');
    expect(applyTransform('  ', t)).toBe('n/a');
    expect(applyTransform(0, t)).toBe(0);
    expect(applyTransform('x', t)).toBe('x');
  });
  it('constant always wins', () => {
    expect(applyTransform('anything', { op: 'constant', value: 'crm' })).toBe('crm');
    expect(applyTransform(undefined, { op: 'constant', value: 7 })).toBe(7);
  });
  it('applyTransforms chains in order', () => {
    expect(
      applyTransforms(' Gold ', [
        { op: 'trim' },
        { op: 'lower' },
        { op: 'enumMap', map: { gold: 'premium' } },
      ]),
    ).toBe('premium');
    expect(applyTransforms(' Gold ', [{ op: 'enumMap', map: { gold: 'premium' } }, { op: 'trim' }])).toBe(
      'Gold',
    );
  });
});
