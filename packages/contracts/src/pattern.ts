/**
 * Ajv compiles `pattern` with the `u` flag (its `unicodeRegExp` default), which refuses some
 * regexes that compile without it (`\-`, lone `{`). The compiler checks patterns with the same
 * flag, so a pattern it accepts never fails when the validator is built.
 */
export const PATTERN_FLAGS = 'u';

/** Why `pattern` does not compile as the validator would compile it, or null when it does. */
export function patternError(pattern: string): string | null {
  try {
    new RegExp(pattern, PATTERN_FLAGS);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
