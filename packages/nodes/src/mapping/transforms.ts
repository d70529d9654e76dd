import { isBlank } from '../record/field-path.js';
import type { DateFormat, Transform } from './spec.js';

/**
 * Applies one transform. Transforms never throw and never invent a value from garbage: input
 * they cannot convert passes through unchanged, so a validation rule can catch it and say why.
 */
export function applyTransform(value: unknown, transform: Transform): unknown {
  switch (transform.op) {
    case 'trim':
      return typeof value === 'string' ? value.trim() : value;
    case 'lower':
      return typeof value === 'string' ? value.toLowerCase() : value;
    case 'upper':
      return typeof value === 'string' ? value.toUpperCase() : value;
    case 'enumMap':
      return mapEnum(value, transform.map, transform.default, transform.caseInsensitive ?? false);
    case 'number':
      return parseNumber(value, transform.decimalSeparator, transform.multiplyBy, transform.round);
    case 'date':
      return typeof value === 'string' ? (parseDate(value.trim(), transform.formats) ?? value) : value;
    case 'default':
      return isBlank(value) ? transform.value : value;
    case 'constant':
      return transform.value;
  }
}

export function applyTransforms(value: unknown, transforms: readonly Transform[]): unknown {
  return transforms.reduce<unknown>(applyTransform, value);
}

/** One transform as a function, with the common string ops specialised (no switch per value). */
function compileTransform(transform: Transform): (value: unknown) => unknown {
  switch (transform.op) {
    case 'trim':
      return (v) => (typeof v === 'string' ? v.trim() : v);
    case 'lower':
      return (v) => (typeof v === 'string' ? v.toLowerCase() : v);
    case 'upper':
      return (v) => (typeof v === 'string' ? v.toUpperCase() : v);
    default:
      return (v) => applyTransform(v, transform);
  }
}

/** A transform chain compiled once (per published config), same results as `applyTransforms`. */
export function compileTransforms(transforms: readonly Transform[]): (value: unknown) => unknown {
  const steps = transforms.map(compileTransform);
  if (steps.length === 0) return (v) => v;
  if (steps.length === 1) return steps[0]!;
  return (value) => {
    let v = value;
    for (const step of steps) v = step(v);
    return v;
  };
}

function mapEnum(
  value: unknown,
  map: Readonly<Record<string, string>>,
  fallback: string | undefined,
  caseInsensitive: boolean,
): unknown {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const key = String(value);
    if (Object.hasOwn(map, key)) return map[key];
    if (caseInsensitive) {
      const lowered = key.toLowerCase();
      const hit = Object.keys(map).find((k) => k.toLowerCase() === lowered);
      if (hit !== undefined) return map[hit];
    }
  }
  return fallback ?? value;
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function parseNumber(
  value: unknown,
  decimalSeparator: '.' | ',',
  multiplyBy?: number,
  round?: number,
): unknown {
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else if (typeof value === 'string') {
    // Spaces (incl. no-break and thin spaces) and the other separator are thousands separators.
    const thousands = decimalSeparator === '.' ? /[\s,'\u00a0\u202f]/g : /[\s.'\u00a0\u202f]/g;
    let text = value.replace(thousands, '');
    if (decimalSeparator === ',') text = text.replace(',', '.');
    if (!PLAIN_NUMBER.test(text)) return value;
    n = Number(text);
  } else {
    return value;
  }
  if (!Number.isFinite(n)) return value;
  if (multiplyBy !== undefined) n *= multiplyBy;
  if (round !== undefined) n = roundTo(n, round);
  return n;
}

/** Rounds half away from zero in decimal, so 19.99 × 100 (= 1998.9999…) rounds to 1999. */
function roundTo(n: number, places: number): number {
  const factor = 10 ** places;
  const scaled = Math.abs(n) * factor;
  // Nudge by a relative epsilon: binary floats land just below many decimal halves and wholes.
  const rounded = Math.round(scaled * (1 + Number.EPSILON)) / factor;
  return (n < 0 ? -rounded : rounded) + 0;
}

type DateParts = { year: string; month: string; day: string };

const DATE_PATTERNS: Record<DateFormat, (text: string) => DateParts | null> = {
  'YYYY-MM-DD': (t) => pick(/^(\d{4})-(\d{2})-(\d{2})$/.exec(t), 1, 2, 3),
  'M/D/YYYY': (t) => pick(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t), 3, 1, 2),
  'D/M/YYYY': (t) => pick(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t), 3, 2, 1),
  'D.M.YYYY': (t) => pick(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t), 3, 2, 1),
  YYYYMMDD: (t) => pick(/^(\d{4})(\d{2})(\d{2})$/.exec(t), 1, 2, 3),
  // The date as written in the timestamp's own offset: the business day the sender meant.
  ISO8601: (t) => pick(/^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t), 1, 2, 3),
};

function pick(match: RegExpExecArray | null, y: number, m: number, d: number): DateParts | null {
  if (!match) return null;
  return { year: match[y] ?? '', month: match[m] ?? '', day: match[d] ?? '' };
}

/**
 * Converts the first matching format to `YYYY-MM-DD`. Only the shape is checked (month 1–12,
 * day 1–31, so `M/D` and `D/M` can fall back to each other); whether the day exists in that
 * month (`2/30/2026`) is left to a validation rule, where the failure is visible and owned.
 */
export function parseDate(text: string, formats: readonly DateFormat[]): string | null {
  for (const format of formats) {
    const parts = DATE_PATTERNS[format](text);
    if (!parts) continue;
    const month = Number(parts.month);
    const day = Number(parts.day);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    return `${parts.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}
