/**
 * Errors the store raises for conditions a caller may want to answer differently from a crash.
 * Each has a stable `code`; the server maps codes to HTTP problems. Anything else is a bug or an
 * I/O failure and propagates as is.
 */
export class StoreError extends Error {
  constructor(
    readonly code: 'conflict' | 'not_found' | 'invalid_cursor' | 'invalid_state',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** A row with the same identity exists already (a flow id taken, say). */
export class StoreConflictError extends StoreError {
  constructor(message: string) {
    super('conflict', message);
    this.name = 'StoreConflictError';
  }
}

export class StoreNotFoundError extends StoreError {
  constructor(message: string) {
    super('not_found', message);
    this.name = 'StoreNotFoundError';
  }
}

/** The row is not in a state that allows the change (a version not approved yet, say). */
export class StoreStateError extends StoreError {
  constructor(
    message: string,
    readonly state: string,
  ) {
    super('invalid_state', message);
    this.name = 'StoreStateError';
  }
}

export class InvalidCursorError extends StoreError {
  constructor() {
    super('invalid_cursor', 'the cursor is not one this store issued');
    this.name = 'InvalidCursorError';
  }
}

/**
 * A SQLite transaction stayed open past its limit while other calls waited for it. The usual
 * cause is a call through the store itself (not the transaction's `tx`) from inside the unit of
 * work: it waits for the transaction to end, which waits for it, forever. The waiting calls fail
 * with this instead, so the unit of work fails, rolls back and the connection is free again. Not
 * a `StoreError`: it is a bug, and the server answers it as one (500).
 */
export class StoreTransactionStuckError extends Error {
  constructor(readonly afterMs: number) {
    super(
      `a store transaction has been open for ${afterMs} ms with calls waiting for it: a call through ` +
        'the store (not the transaction) from inside the unit of work?',
    );
    this.name = 'StoreTransactionStuckError';
  }
}
