import type Database from 'better-sqlite3';

/** Runs a synchronous database operation at the right moment (see `SqliteStore.gate`). */
export type Gate = <T>(op: () => T) => Promise<T>;

/**
 * What a SQLite repository needs: the connection, a prepared-statement cache (preparing is
 * the expensive part of a small query) and the gate its methods run through.
 */
export class SqlContext {
  constructor(
    readonly db: Database.Database,
    readonly gate: Gate,
    private readonly statements: Map<string, Database.Statement> = new Map(),
  ) {}

  stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Same context, other gate: the transaction's repositories share the statement cache. */
  withGate(gate: Gate): SqlContext {
    // Statements belong to the connection, not the gate, so sharing them is safe.
    return new SqlContext(this.db, gate, this.statements);
  }
}

// Re-exported so repositories that read JSON beside context helpers keep one import.
export { parseJson } from '../rows/parse-json.js';

/** SQLite reports constraint failures by code; a UNIQUE/PRIMARY KEY one means "already there". */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
