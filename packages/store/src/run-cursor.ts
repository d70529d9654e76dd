import { InvalidCursorError } from './errors.js';

/** Position in the newest-first runs list: the last item's (receivedAt, id). */
export interface RunCursor {
  receivedAt: string;
  id: string;
}

/** Opaque to callers (base64url JSON) so the ordering can change without breaking clients' code. */
export function encodeRunCursor(cursor: RunCursor): string {
  return Buffer.from(JSON.stringify([cursor.receivedAt, cursor.id])).toString('base64url');
}

export function decodeRunCursor(text: string): RunCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string')) {
      return { receivedAt: value[0] as string, id: value[1] as string };
    }
  } catch {
    // fall through: any undecodable text is simply not a cursor we issued
  }
  throw new InvalidCursorError();
}
