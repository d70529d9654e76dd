import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { BaselineRecord } from '@baton/store';

export interface CsvError {
  line: number;
  message: string;
}

/** At most this many errors are reported: enough to fix a file, not a flood. */
const MAX_ERRORS = 20;
export const MAX_BASELINE_ROWS = 500_000;

const COLUMNS = {
  recordKey: ['record_key', 'recordkey', 'key', 'record'],
  enteredAt: ['entered_at', 'enteredat', 'entered', 'entry_time'],
  completedAt: ['completed_at', 'completedat', 'completed', 'completion_time'],
  reworked: ['reworked', 'rework', 'was_reworked'],
} as const;
type Column = keyof typeof COLUMNS;

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);

function headerKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function instant(value: string): Date | null {
  if (value.trim() === '') return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Parses a baseline CSV (a header row naming `record key`, `entered at`, `completed at`,
 * `reworked`; any order, other columns ignored) as it streams in. Every bad row is reported by
 * its line number (the header is line 1); the caller imports nothing unless there are no errors.
 */
export async function parseBaselineCsv(
  input: Readable | string,
): Promise<{ records: BaselineRecord[]; errors: CsvError[] }> {
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    // The stream is not bounded by Fastify's body limit (the parser takes it raw): bound a row instead.
    max_record_size: 64 * 1024,
    info: true,
  });
  const records: BaselineRecord[] = [];
  const errors: CsvError[] = [];
  const fail = (line: number, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ line, message });
  };
  let index: Record<Column, number> | null = null;
  if (typeof input === 'string') parser.end(input);
  else input.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const line = info.lines;
      if (!index) {
        const keys = record.map(headerKey);
        const found = Object.fromEntries(
          (Object.keys(COLUMNS) as Column[]).map((c) => [
            c,
            keys.findIndex((k) => (COLUMNS[c] as readonly string[]).includes(k)),
          ]),
        ) as Record<Column, number>;
        const absent = (Object.keys(found) as Column[]).filter((c) => found[c] < 0);
        if (absent.length > 0) {
          fail(
            line,
            `the header must name the columns record_key, entered_at, completed_at, reworked (missing: ${absent.map((c) => COLUMNS[c][0]).join(', ')})`,
          );
          return { records: [], errors };
        }
        index = found;
        continue;
      }
      if (records.length >= MAX_BASELINE_ROWS) {
        fail(line, `at most ${MAX_BASELINE_ROWS} rows can be imported`);
        break;
      }
      const cell = (c: Column) => (record[index![c]] ?? '').trim();
      const key = cell('recordKey');
      const entered = instant(cell('enteredAt'));
      const completed = instant(cell('completedAt'));
      const reworked = cell('reworked').toLowerCase();
      const problems: string[] = [];
      if (key === '') problems.push('record_key is empty');
      if (!entered) problems.push(`entered_at "${cell('enteredAt')}" is not a date-time`);
      if (!completed) problems.push(`completed_at "${cell('completedAt')}" is not a date-time`);
      if (entered && completed && completed < entered) problems.push('completed_at is before entered_at');
      if (!YES.has(reworked) && !NO.has(reworked))
        problems.push(`reworked "${cell('reworked')}" is not yes or no`);
      if (problems.length > 0 || !entered || !completed) {
        fail(line, problems.join('; '));
        continue;
      }
      records.push({
        line,
        recordKey: key,
        enteredAt: entered.toISOString(),
        completedAt: completed.toISOString(),
        ttvMs: completed.getTime() - entered.getTime(),
        reworked: YES.has(reworked),
      });
    }
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    fail(e.lines ?? records.length + 2, `not valid CSV: ${e.message ?? String(error)}`);
  }
  if (!index && errors.length === 0) errors.push({ line: 1, message: 'the file is empty' });
  else if (index && records.length === 0 && errors.length === 0) {
    errors.push({ line: 2, message: 'the file has a header but no rows' });
  }
  return { records, errors };
}
