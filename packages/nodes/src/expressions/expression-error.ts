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

export function toExpressionError(err: unknown): ExpressionError {
  if (err instanceof ExpressionError) return err;
  if (typeof err === 'object' && err !== null) {
    const { message, code, position } = err as { message?: unknown; code?: unknown; position?: unknown };
    return new ExpressionError(
      typeof message === 'string' && message !== ''
        ? message
        : typeof code === 'string'
          ? code
          : 'expression error',
      typeof code === 'string' ? code : 'unknown',
      typeof position === 'number' ? position : null,
    );
  }
  return new ExpressionError(String(err), 'unknown', null);
}
