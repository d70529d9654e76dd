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
