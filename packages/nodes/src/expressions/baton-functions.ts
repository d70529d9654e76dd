const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Deliberately loose: one @, no spaces, a dot in the domain. Deliverability is not a format check.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `$isDate(s)`: `s` is `YYYY-MM-DD` and names a real calendar day (so `2026-02-30` is not). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March 2; a real date survives the round trip.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `$isEmail(s)`: `s` looks like an e-mail address. */
export function isEmail(value: unknown): boolean {
  return typeof value === 'string' && EMAIL.test(value);
}
