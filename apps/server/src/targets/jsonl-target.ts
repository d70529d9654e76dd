import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { UpsertRequest, WriteTargets } from '@baton/nodes';

/** A plain file name ending in `.jsonl`: no folders, so a connection cannot reach outside the data folder. */
export const JSONL_FILE_PATTERN = '^[A-Za-z0-9_-]+\\.jsonl$';

/** Resolves `file` inside `dataDir`, refusing anything that would land elsewhere (`..`, absolute paths). */
export function jsonlPath(dataDir: string, file: string): string {
  if (!new RegExp(JSONL_FILE_PATTERN).test(file) || basename(file) !== file) {
    throw new Error(`"${file}" is not a plain .jsonl file name in the data folder`);
  }
  const root = resolve(dataDir);
  const path = resolve(root, file);
  const rel = relative(root, path);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new Error(`"${file}" is outside the data folder`);
  return path;
}

/**
 * Appends one JSON line per record to a file in the data folder, at most once per idempotency key.
 *
 * The key index is a sidecar SQLite file (`<file>.keys.sqlite`) holding each key with the byte range
 * of its line. A write opens the index transaction, appends and fsyncs the line, then commits the
 * key: a crash after the append but before the commit leaves bytes past the last committed range,
 * which the next open truncates away, so the file and the index never disagree and a retried record
 * is appended exactly once. All work is synchronous, so writes never interleave in one process.
 */
export class JsonlTarget implements WriteTargets {
  private readonly fd: number;
  private readonly index: Database.Database;
  private readonly has: Database.Statement;
  private readonly add: Database.Statement;

  constructor(readonly path: string) {
    this.index = new Database(`${path}.keys.sqlite`);
    this.index.pragma('journal_mode = WAL');
    this.index.pragma('synchronous = FULL');
    // A key index needs little cache: 1 MiB, not better-sqlite3's 16 MB default per file.
    this.index.pragma('cache_size = -1024');
    const fresh = !this.index
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'lines'")
      .get();
    this.index.exec(
      'CREATE TABLE IF NOT EXISTS lines (key TEXT PRIMARY KEY, offset INTEGER NOT NULL, length INTEGER NOT NULL) STRICT',
    );
    this.has = this.index.prepare('SELECT 1 FROM lines WHERE key = ?');
    this.add = this.index.prepare('INSERT INTO lines (key, offset, length) VALUES (?, ?, ?)');
    this.fd = openSync(path, 'a+');
    // A file that existed before its index holds lines Baton did not write: keep them as they are.
    const size = fstatSync(this.fd).size;
    if (fresh && size > 0) this.add.run('\u0000existing', 0, size);
    this.dropUncommittedTail();
  }

  upsert(request: UpsertRequest): Promise<{ action: 'inserted' | 'skipped' }> {
    try {
      return Promise.resolve({ action: this.append(request) });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  preview(request: UpsertRequest): Promise<{ action: 'inserted' | 'skipped' }> {
    return Promise.resolve({ action: this.has.get(request.idempotencyKey) ? 'skipped' : 'inserted' });
  }

  close(): void {
    closeSync(this.fd);
    this.index.close();
  }

  private append(request: UpsertRequest): 'inserted' | 'skipped' {
    const line = Buffer.from(`${JSON.stringify(request.row)}\n`);
    return this.index
      .transaction((): 'inserted' | 'skipped' => {
        if (this.has.get(request.idempotencyKey)) return 'skipped';
        const offset = fstatSync(this.fd).size;
        writeSync(this.fd, line);
        fsyncSync(this.fd);
        this.add.run(request.idempotencyKey, offset, line.length);
        return 'inserted';
      })
      .immediate();
  }

  private dropUncommittedTail(): void {
    const row = this.index.prepare('SELECT MAX(offset + length) AS end FROM lines').get() as {
      end: number | null;
    };
    const end = row.end ?? 0;
    if (fstatSync(this.fd).size > end) {
      ftruncateSync(this.fd, end);
      fsyncSync(this.fd);
    }
  }
}

/** For the connection service: the target of a `jsonl-file` connection. */
export function openJsonlTarget(dataDir: string, file: string): JsonlTarget {
  return new JsonlTarget(jsonlPath(dataDir, file));
}
