/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    // A text starting with =, +, - or @ would run as a formula in a spreadsheet: prefix a quote (OWASP).
    const safe =
      typeof value === 'string' ? (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) : JSON.stringify(value);
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
