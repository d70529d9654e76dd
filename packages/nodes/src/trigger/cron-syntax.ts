/**
 * A browser-safe syntax check of cron expressions, so the editor and the server's compile agree
 * without shipping a scheduler to the browser. It accepts croner's syntax (5 fields, or 6 with
 * seconds first; `*`, `?`, lists, ranges, steps, month and weekday names, `L`, `W`, `#`, and the
 * `@hourly`-style nicknames); the server computes fire times with croner itself.
 */

const NICKNAMES = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldRule {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  /** Offset of `names[0]` (JAN = 1, SUN = 0). */
  nameBase?: number;
  /** `L`, `W` (day of month) or `L`, `#` (weekday) are allowed. */
  special?: 'dom' | 'dow';
}

const SECOND: FieldRule = { name: 'second', min: 0, max: 59 };
const FIVE: readonly FieldRule[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31, special: 'dom' },
  { name: 'month', min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAYS, nameBase: 0, special: 'dow' },
];

function value(text: string, rule: FieldRule): number | null {
  const upper = text.toUpperCase();
  const named = rule.names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + (rule.nameBase ?? 0);
  if (!/^\d{1,2}$/.test(text)) return null;
  const n = Number(text);
  return n >= rule.min && n <= rule.max ? n : null;
}

function checkItem(item: string, rule: FieldRule): string | null {
  const bad = `"${item}" is not a valid ${rule.name}`;
  const upper = item.toUpperCase();
  if (rule.special === 'dom' && /^(L|LW|\d{1,2}W|L-\d{1,2})$/.test(upper)) return null;
  if (rule.special === 'dow') {
    const nth = /^([A-Z]{3}|\d)(#[1-5]|L)$/.exec(upper);
    if (nth) return value(nth[1]!, rule) === null ? bad : null;
  }
  const [range, step, ...more] = item.split('/');
  if (more.length > 0 || range === undefined || range === '') return bad;
  if (step !== undefined && !(/^\d{1,3}$/.test(step) && Number(step) > 0)) return bad;
  if (range === '*' || range === '?') return null;
  const [from, to, ...rest] = range.split('-');
  if (rest.length > 0 || from === undefined) return bad;
  const a = value(from, rule);
  if (a === null) return bad;
  if (to === undefined) return null;
  const b = value(to, rule);
  return b === null ? bad : null;
}

/** Null when the expression is valid; otherwise what is wrong with it, for a diagnostic. */
export function cronSyntaxError(expression: string): string | null {
  const text = expression.trim();
  if (text.startsWith('@')) {
    return NICKNAMES.has(text.toLowerCase()) ? null : `unknown cron nickname "${text}"`;
  }
  const fields = text.split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) {
    return `a cron expression has 5 fields (minute hour day month weekday) or 6 (seconds first), not ${fields.length}`;
  }
  const rules = fields.length === 6 ? [SECOND, ...FIVE] : FIVE;
  for (const [i, field] of fields.entries()) {
    const rule = rules[i]!;
    for (const item of field.split(',')) {
      const problem = checkItem(item, rule);
      if (problem) return problem;
    }
  }
  return null;
}
