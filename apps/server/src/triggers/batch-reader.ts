import { createInterface } from 'node:readline';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import type { BatchFormat } from '@baton/store';

/** One row of an uploaded file: a record, or why the line could not be read as one. */
export type BatchRow =
  | { line: number; record: Record<string, unknown>; raw: string }
  | { line: number; error: string; raw: string };

export class BatchTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the file is larger than ${limit} bytes (BATON_BATCH_LIMIT)`);
    this.name = 'BatchTooLargeError';
  }
}

/**
 * Counts bytes as they pass and ends the readable side past `limit` (a streamed body has no
 * Content-Length to trust). The rest of the body is still read and dropped, so the client gets a
 * 413 answer instead of a reset connection; readers see a normal end and check `exceeded`.
 */
export class ByteLimit extends Transform {
  bytes = 0;
  exceeded = false;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.exceeded) return done();
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      this.exceeded = true;
      this.push(null);
      return done();
    }
    done(null, chunk);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * CSV cells are text; plain decimal numbers and booleans become JSON values so a contract with
 * numeric fields accepts them. Numbers with leading zeros stay text (`007` is an id, not 7), and
 * an empty cell is an absent field.
 */
export function csvCell(value: string): unknown {
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value === '' ? undefined : value;
}

async function* jsonlRows(input: Readable): AsyncGenerator<BatchRow> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, error: `not JSON: ${(error as Error).message}`, raw: text };
      continue;
    }
    if (isRecord(value)) yield { line, record: value, raw: text };
    else yield { line, error: 'the line is JSON but not an object', raw: text };
  }
}

async function* csvRows(input: Readable): AsyncGenerator<BatchRow> {
  const skipped: BatchRow[] = [];
  const parser = parse({
    columns: true,
    bom: true,
    info: true,
    raw: true,
    trim: false,
    skip_empty_lines: true,
    // A bad line is a reject with its line number, not the end of the batch.
    skip_records_with_error: true,
  });
  parser.on('skip', (error: CsvError & { lines?: number; raw?: string }) => {
    skipped.push({ line: error.lines ?? 0, error: error.message, raw: (error.raw ?? '').trimEnd() });
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  for await (const item of parser as AsyncIterable<{
    record: Record<string, string>;
    raw: string;
    info: { lines: number };
  }>) {
    while (skipped.length > 0) yield skipped.shift()!;
    const record: Record<string, unknown> = {};
    for (const [key, text] of Object.entries(item.record)) {
      const value = csvCell(text);
      // defineProperty: a `__proto__` header is a field like any other, never the prototype.
      if (value !== undefined)
        Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    }
    // `info.lines` is where the record ends; a quoted cell may span lines.
    const spans = item.raw.replace(/\r?\n$/, '').split('\n').length;
    yield { line: item.info.lines - spans + 1, record, raw: item.raw.trimEnd() };
  }
  while (skipped.length > 0) yield skipped.shift()!;
}

/** The rows of a CSV (header row first) or JSONL upload, read as the stream arrives. */
export function readBatchRows(input: Readable, format: BatchFormat): AsyncGenerator<BatchRow> {
  return format === 'csv' ? csvRows(input) : jsonlRows(input);
}
