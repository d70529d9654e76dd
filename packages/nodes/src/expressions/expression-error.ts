/** JSONata throws plain objects `{ code, position, token, message }`; Baton throws this instead. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  constructor(
    message: string,
    /** JSONata's error code (`S0201`, `T2010`, …) or Baton's (`B0001` timeout, `B0002` depth). */
    readonly code: string,
    /** Character offset in the expression source, when JSONata knows it. */
    readonly position: number | null,
  ) {
    super(message);
  }
}

/**
 * JSONata writes the offending value into some messages (`Unable to cast value to a number:
 * "ada@example.com"`), raw or as JSON. Messages end up in stored steps and checks, where a
 * record's values exist only pii-masked, so the value is cut out of the message.
 */
function withoutValue(message: string, value: unknown): string {
  if (value === undefined || value === null || typeof value === 'boolean') return message;
  const forms = [JSON.stringify(value)];
  if (typeof value === 'string' || typeof value === 'number') forms.push(String(value));
  let scrubbed = message;
  for (const form of new Set(forms)) {
    if (form !== undefined && form.length > 0) scrubbed = scrubbed.split(form).join('…');
  }
  return scrubbed;
}

export function toExpressionError(err: unknown): ExpressionError {
  if (err instanceof ExpressionError) return err;
  if (typeof err === 'object' && err !== null) {
    const { message, code, position, value } = err as {
      message?: unknown;
      code?: unknown;
      position?: unknown;
      value?: unknown;
    };
    return new ExpressionError(
      typeof message === 'string' && message !== ''
        ? withoutValue(message, value)
        : typeof code === 'string'
          ? code
          : 'expression error',
      typeof code === 'string' ? code : 'unknown',
      typeof position === 'number' ? position : null,
    );
  }
  return new ExpressionError(String(err), 'unknown', null);
}
