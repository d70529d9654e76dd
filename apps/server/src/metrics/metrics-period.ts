import { BadRequestProblem } from '../problems.js';

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** The default period: the last 30 days, today included. */
export const DEFAULT_PERIOD_DAYS = 30;

function bound(value: string, name: 'from' | 'to'): Date {
  // A bare date means the whole day: `from` at its start, `to` at its last millisecond.
  const text = DATE_ONLY.test(value)
    ? `${value}T${name === 'from' ? '00:00:00.000' : '23:59:59.999'}Z`
    : value;
  const date = new Date(text);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    throw new BadRequestProblem('validation_failed', `${name} is not a date or an ISO 8601 date-time`, {
      errors: [
        { in: 'querystring', path: `/${name}`, message: 'must be YYYY-MM-DD or an ISO 8601 date-time' },
      ],
    });
  }
  return date;
}

/** Resolves `from`/`to` query values to inclusive ISO instants (UTC). */
export function resolvePeriod(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): { from: string; to: string } {
  const to = query.to !== undefined ? bound(query.to, 'to') : now;
  const from =
    query.from !== undefined
      ? bound(query.from, 'from')
      : new Date(
          Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate()) -
            (DEFAULT_PERIOD_DAYS - 1) * DAY_MS,
        );
  if (from > to) {
    throw new BadRequestProblem('validation_failed', 'from is after to', {
      errors: [{ in: 'querystring', path: '/from', message: 'must not be after to' }],
    });
  }
  return { from: from.toISOString(), to: to.toISOString() };
}
