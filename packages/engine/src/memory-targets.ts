import type { UpsertRequest, WriteTargets } from '@baton/nodes';
import { canonicalJson } from '@baton/schema';

export interface MemoryTargetsOptions {
  /** Return an error message to make a write fail (e.g. to test the `failed` port). */
  failWith?: (request: UpsertRequest) => string | undefined;
}

export interface MemoryTargets extends WriteTargets {
  /** Rows per `connection.table`, in insertion order. */
  rows(connection: string, table: string): Array<Record<string, unknown>>;
  /** Every upsert and preview call, for assertions. */
  readonly calls: ReadonlyArray<{ method: 'upsert' | 'preview'; request: UpsertRequest }>;
}

/** In-memory `WriteTargets` with the same upsert semantics as the SQLite target, for tests. */
export function createMemoryTargets(options: MemoryTargetsOptions = {}): MemoryTargets {
  const tables = new Map<string, Map<string, Record<string, unknown>>>();
  const calls: Array<{ method: 'upsert' | 'preview'; request: UpsertRequest }> = [];
  const tableOf = (connection: string, table: string) => {
    const name = `${connection}.${table}`;
    let rows = tables.get(name);
    if (!rows) tables.set(name, (rows = new Map<string, Record<string, unknown>>()));
    return rows;
  };

  const apply = (method: 'upsert' | 'preview', request: UpsertRequest) => {
    calls.push({ method, request });
    const failure = options.failWith?.(request);
    if (failure !== undefined) throw new Error(failure);
    const rows = tableOf(request.target.connection, request.target.table);
    const key = canonicalJson(request.keyFields.map((f) => request.row[f]));
    const exists = rows.has(key);
    const action: 'inserted' | 'updated' | 'skipped' = !exists
      ? 'inserted'
      : request.onConflict === 'update'
        ? 'updated'
        : 'skipped';
    if (method === 'upsert' && action !== 'skipped') rows.set(key, { ...request.row });
    return { action };
  };

  return {
    // Through a promise, so a failure arrives as a rejection like a real target's would.
    upsert: (request) => Promise.resolve().then(() => apply('upsert', request)),
    preview: (request) => Promise.resolve().then(() => apply('preview', request)),
    rows: (connection, table) => [...tableOf(connection, table).values()],
    calls,
  };
}
