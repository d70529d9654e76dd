import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ColumnSpec, UpsertRequest, WriteTargets } from '@baton/nodes';

type WriteAction = 'inserted' | 'updated' | 'skipped';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The connection name write nodes use for this target. */
export const DOWNSTREAM_CONNECTION = 'downstream';

/** Raised for requests this target cannot carry out; the write step turns it into a failed step. */
export class DownstreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownstreamError';
  }
}

/** Identifiers come from flow configs and record fields, so they are checked, then quoted. */
function ident(name: string): string {
  if (!IDENTIFIER.test(name))
    throw new DownstreamError(`"${name}" is not a valid SQL identifier (${IDENTIFIER.source})`);
  return `"${name}"`;
}

/** Declared type from the contract's field type; no declared type when unknown, so SQLite keeps values as sent. */
function affinity(type: string | undefined): string {
  switch (type) {
    case 'integer':
    case 'boolean':
      return ' INTEGER';
    case 'number':
      return ' REAL';
    case 'string':
    case 'date':
    case 'datetime':
    case 'enum':
      return ' TEXT';
    default:
      return '';
  }
}

/** SQLite binds numbers, strings, bigints, buffers and null; everything else is encoded. */
function toSqlValue(value: unknown): string | number | bigint | Buffer | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint') return value;
  if (Buffer.isBuffer(value)) return value;
  return JSON.stringify(value);
}

/**
 * The embedded downstream database (`downstream.sqlite`): the target of write nodes with
 * connection `downstream`. A separate file from Baton's own database, so what a flow writes
 * never shares a lock or a schema with Baton's state. Tables are created on first write from the
 * request's columns (keyed by a UNIQUE index on the key fields) and grow when rows bring new fields.
 */
export class SqliteDownstream implements WriteTargets {
  private readonly db: Database.Database;
  /** Known columns per table; avoids a PRAGMA per write. Only this process alters these tables. */
  private readonly columns = new Map<string, Set<string>>();
  /** `table(key, ...)` pairs whose UNIQUE index is known to exist. */
  private readonly keyIndexes = new Set<string>();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly pending: Array<{
    request: UpsertRequest;
    resolve: (action: WriteAction) => void;
    reject: (error: unknown) => void;
  }> = [];

  /** `connections`: the names write nodes use for this file (the built-in one, or a named sqlite-embedded connection). */
  constructor(
    file: string,
    private readonly connections: readonly string[] = [DOWNSTREAM_CONNECTION],
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    // 2 MiB page cache, not better-sqlite3's 16 MB default that stays resident once filled.
    this.db.pragma('cache_size = -2048');
  }

  /**
   * Group commit: writes requested in the same event-loop turn share one transaction (one
   * fsync), each inside its own savepoint so one bad row fails alone. A write is answered only
   * after the transaction holding it committed.
   */
  async upsert(request: UpsertRequest): Promise<{ action: WriteAction }> {
    this.check(request);
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve: (action) => resolve({ action }), reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const group = this.pending.splice(0);
    const results: Array<{ ok: true; action: WriteAction } | { ok: false; error: unknown }> = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const { request } of group) {
        try {
          results.push({ ok: true, action: this.writeOne(request) });
        } catch (error) {
          // The savepoint rolled back any CREATE/ALTER, so what this object remembers about the
          // table may be ahead of the file: forget it and read the real shape next time.
          this.forget(request.target.table);
          results.push({ ok: false, error });
        }
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const p of group) this.forget(p.request.target.table);
      for (const p of group) p.reject(error);
      return;
    }
    group.forEach((p, i) => {
      const result = results[i]!;
      if (result.ok) p.resolve(result.action);
      else p.reject(result.error);
    });
  }

  /** One upsert in a savepoint of the group's transaction (better-sqlite3 nests with SAVEPOINT). */
  private readonly writeOne = (request: UpsertRequest): WriteAction =>
    this.db.transaction((): WriteAction => {
      const { table, keyFields, row } = {
        table: request.target.table,
        keyFields: request.keyFields,
        row: request.row,
      };
      this.ensureTable(table, keyFields, request.columns, row);
      const existed = this.exists(table, keyFields, row);
      const names = Object.keys(row);
      const quoted = names.map(ident);
      const updates = names
        .filter((n) => !keyFields.includes(n))
        .map((n) => `${ident(n)} = excluded.${ident(n)}`);
      const onConflict =
        request.onConflict === 'skip' || updates.length === 0
          ? 'DO NOTHING'
          : `DO UPDATE SET ${updates.join(', ')}`;
      this.stmt(
        `INSERT INTO ${ident(table)} (${quoted.join(', ')}) VALUES (${names.map(() => '?').join(', ')})
         ON CONFLICT (${keyFields.map(ident).join(', ')}) ${onConflict}`,
      ).run(...names.map((n) => toSqlValue(row[n])));
      if (!existed) return 'inserted';
      return request.onConflict === 'skip' ? 'skipped' : 'updated';
    })();

  async preview(request: UpsertRequest): Promise<{ action: WriteAction }> {
    const { table, keyFields, row } = this.check(request);
    const present = this.tableColumns(table);
    if (present.size === 0 || !keyFields.every((k) => present.has(k))) return { action: 'inserted' };
    if (!this.exists(table, keyFields, row)) return { action: 'inserted' };
    return { action: request.onConflict === 'skip' ? 'skipped' : 'updated' };
  }

  close(): void {
    this.db.close();
  }

  private check(request: UpsertRequest) {
    if (!this.connections.includes(request.target.connection)) {
      throw new DownstreamError(
        `unknown connection "${request.target.connection}" (only "${this.connections.join('", "')}")`,
      );
    }
    const { table } = request.target;
    ident(table);
    if (request.keyFields.length === 0) throw new DownstreamError('a write needs at least one key field');
    for (const name of [
      ...request.keyFields,
      ...request.columns.map((c) => c.name),
      ...Object.keys(request.row),
    ]) {
      ident(name);
    }
    for (const key of request.keyFields) {
      // NULLs never collide in a UNIQUE index, so a keyless row would be inserted again and again.
      if (request.row[key] === undefined || request.row[key] === null) {
        throw new DownstreamError(`key field ${key} is missing`);
      }
    }
    return { table, keyFields: request.keyFields, row: request.row };
  }

  private forget(table: string): void {
    this.columns.delete(table);
    for (const id of this.keyIndexes) if (id.startsWith(`${table}(`)) this.keyIndexes.delete(id);
    this.statements.clear();
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private tableColumns(table: string): Set<string> {
    let known = this.columns.get(table);
    if (!known) {
      const info = this.db.prepare(`PRAGMA table_info(${ident(table)})`).all() as Array<{ name: string }>;
      known = new Set(info.map((c) => c.name));
      if (known.size > 0) this.columns.set(table, known);
    }
    return known;
  }

  private ensureTable(
    table: string,
    keyFields: readonly string[],
    columns: readonly ColumnSpec[],
    row: Record<string, unknown>,
  ): void {
    const wanted = new Map<string, string | undefined>();
    for (const c of columns) wanted.set(c.name, c.type);
    for (const name of [...keyFields, ...Object.keys(row)])
      if (!wanted.has(name)) wanted.set(name, undefined);

    const present = this.tableColumns(table);
    if (present.size === 0) {
      const defs = [...wanted].map(([name, type]) => `${ident(name)}${affinity(type)}`);
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${ident(table)} (${defs.join(', ')})`);
      this.columns.set(table, new Set(wanted.keys()));
      // Schema changed: statements prepared against the old shape must not be reused.
      this.statements.clear();
    } else {
      for (const [name, type] of wanted) {
        if (present.has(name)) continue;
        this.db.exec(`ALTER TABLE ${ident(table)} ADD COLUMN ${ident(name)}${affinity(type)}`);
        present.add(name);
        this.statements.clear();
      }
    }
    this.ensureKeyIndex(table, keyFields);
  }

  /**
   * ON CONFLICT needs a UNIQUE index on exactly the key fields. Also checked for tables that
   * exist already (made by an earlier version with another key, or by hand); if their rows
   * collide on the key, creating the index fails and the write fails with SQLite's reason.
   */
  private ensureKeyIndex(table: string, keyFields: readonly string[]): void {
    const id = `${table}(${keyFields.join(',')})`;
    if (this.keyIndexes.has(id)) return;
    const name = ident(`${table}__key__${keyFields.join('__')}`);
    this.db.exec(
      `CREATE UNIQUE INDEX IF NOT EXISTS ${name} ON ${ident(table)} (${keyFields.map(ident).join(', ')})`,
    );
    this.keyIndexes.add(id);
  }

  private exists(table: string, keyFields: readonly string[], row: Record<string, unknown>): boolean {
    const where = keyFields.map((k) => `${ident(k)} = ?`).join(' AND ');
    const found = this.stmt(`SELECT 1 FROM ${ident(table)} WHERE ${where} LIMIT 1`).get(
      ...keyFields.map((k) => toSqlValue(row[k])),
    );
    return found !== undefined;
  }
}
