import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ScheduleSource } from '@baton/nodes';
import type { ConnectionService } from '../connections/connection-service.js';
import type { EgressGuard } from '../targets/ssrf-guard.js';
import { getJsonArray } from './http-source.js';

export type Cursor = string | number | null;

export interface SourceRow {
  record: Record<string, unknown>;
  cursor: string | number;
}

export interface SourceDeps {
  connections: ConnectionService;
  guard: EgressGuard;
  dataDir: string;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Dates become ISO strings and bigints strings: a record is plain JSON, and so is its cursor. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
  ) as Record<string, unknown>;
}

function cursorOf(record: Record<string, unknown>, field: string): string | number {
  const value = record[field];
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new Error(
    `a row has no usable cursor: "${field}" is ${value === undefined ? 'missing' : typeof value}`,
  );
}

/** Numbers compare as numbers, everything else as strings (ISO timestamps order correctly). */
export function cursorAfter(value: string | number, cursor: Cursor): boolean {
  if (cursor === null) return true;
  if (typeof value === 'number' && typeof cursor === 'number') return value > cursor;
  return String(value) > String(cursor);
}

function compareCursors(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

async function readSql(
  source: Extract<ScheduleSource, { kind: 'sql' }>,
  cursor: Cursor,
  deps: SourceDeps,
): Promise<Record<string, unknown>[]> {
  const connection = await deps.connections.resolve(source.connection);
  const column = quote(source.cursorColumn);
  // The user's query is wrapped, never edited: the cursor condition, order and limit go outside it.
  const where = cursor === null ? '' : `WHERE ${column} > `;
  const tail = `ORDER BY ${column} LIMIT ${source.limit}`;
  switch (connection.kind) {
    case 'postgres': {
      const c = connection.config as {
        host: string;
        port: number;
        database: string;
        user: string;
        ssl: boolean;
      };
      // Loaded on first use: a Baton without PostgreSQL sources never loads `pg`.
      const { default: driver } = await import('pg');
      const client = new driver.Client({
        host: c.host,
        port: c.port,
        database: c.database,
        user: c.user,
        password: connection.secret.password,
        ssl: c.ssl,
        statement_timeout: 30_000,
        connectionTimeoutMillis: 10_000,
      });
      await client.connect();
      try {
        const text = `SELECT * FROM (${source.query}) AS baton_source ${where}${cursor === null ? '' : '$1 '}${tail}`;
        const result = await client.query(text, cursor === null ? [] : [cursor]);
        return result.rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    }
    case 'sqlite-embedded': {
      const db = new Database(join(deps.dataDir, String(connection.config.file)), {
        readonly: true,
        fileMustExist: true,
      });
      try {
        const text = `SELECT * FROM (${source.query}) AS baton_source ${where}${cursor === null ? '' : '? '}${tail}`;
        const statement = db.prepare(text);
        if (!statement.reader) throw new Error('the schedule query must be a SELECT');
        return (cursor === null ? statement.all() : statement.all(cursor)) as Record<string, unknown>[];
      } finally {
        db.close();
      }
    }
    default:
      throw new Error(
        `connection "${source.connection}" is ${connection.kind}; a SQL source needs postgres or sqlite-embedded`,
      );
  }
}

/**
 * The rows of a schedule's source after `cursor`, in cursor order, at most `limit`. A SQL source
 * filters in the database; an HTTP source answers everything and is filtered here.
 */
export async function readSource(
  source: ScheduleSource,
  cursor: Cursor,
  deps: SourceDeps,
): Promise<SourceRow[]> {
  if (source.kind === 'sql') {
    const rows = (await readSql(source, cursor, deps)).map(plain);
    return rows.map((record) => ({ record, cursor: cursorOf(record, source.cursorColumn) }));
  }
  const items = await getJsonArray(source.url, deps.guard);
  const rows: SourceRow[] = [];
  for (const item of items) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new Error('every item of the source array must be a JSON object');
    }
    const record = item as Record<string, unknown>;
    const value = cursorOf(record, source.cursorField);
    if (cursorAfter(value, cursor)) rows.push({ record, cursor: value });
  }
  rows.sort((a, b) => compareCursors(a.cursor, b.cursor));
  return rows.slice(0, source.limit);
}
