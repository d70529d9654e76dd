import jsonata from 'jsonata';
import { toExpressionError } from './expression-error.js';

export type ParseResult = { ok: true } | { ok: false; message: string; position: number | null };

// The editor recompiles on every edit, with mostly unchanged expressions: remember the verdicts.
const verdicts = new Map<string, ParseResult>();
const MAX_VERDICTS = 2000;

/** Syntax check for the compiler: parses without evaluating, so it is cheap and side-effect free. */
export function parseExpression(source: string): ParseResult {
  const known = verdicts.get(source);
  if (known) return known;
  const verdict = parse(source);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(source, verdict);
  return verdict;
}

function parse(source: string): ParseResult {
  if (source.trim() === '') return { ok: false, message: 'Expression is empty', position: 0 };
  try {
    jsonata(source);
    return { ok: true };
  } catch (err) {
    const { message, position } = toExpressionError(err);
    return { ok: false, message, position };
  }
}
