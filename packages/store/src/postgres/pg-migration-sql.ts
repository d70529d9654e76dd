/**
 * Pieces the PostgreSQL migrations share. Text columns use the "C" collation so ordering and
 * range comparisons (ISO timestamps, ids, record-key prefixes, cursors) are byte order, exactly
 * as SQLite's BINARY collation orders them, whatever the database's default locale.
 */
export const T = 'TEXT COLLATE "C"';

/** `'a', 'b'` for a CHECK (… IN (…)) list. */
export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * JSON that Baton reads back byte for byte (traces, plans, sealed input) is stored as text, not
 * jsonb (which reorders keys); the CHECK only proves it parses.
 */
export const jsonCheck = (column: string) => `CHECK ((${column})::json IS NOT NULL)`;
