import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Clock } from '@baton/nodes';
import {
  EMPTY_BATCH_COUNTS,
  type BatchCounts,
  type BatchFormat,
  type BatchRecord,
  type BatchReject,
  type Store,
} from '@baton/store';
import { maskRecord } from '@baton/contracts';
import { piiFieldsOfVersion } from '../masking/mask-run.js';
import { ConflictProblem, NotFoundProblem, Problem } from '../problems.js';
import type { Runner } from '../runner/runner.js';
import { BatchTooLargeError, ByteLimit, readBatchRows, type BatchRow } from './batch-reader.js';

export interface BatchServiceOptions {
  /** Largest upload, in bytes (`BATON_BATCH_LIMIT`). */
  maxBytes: number;
  /** Rows in flight at once per batch (`BATON_BATCH_CONCURRENCY`). */
  concurrency: number;
}

export interface BatchServiceDeps {
  store: Store;
  runner: Pick<Runner, 'receive' | 'backPressure'>;
  clock: Clock;
  options: BatchServiceOptions;
  /** Waits between back-pressure checks; tests keep the real one. */
  pause?: (ms: number) => Promise<void>;
}

export function newBatchId(): string {
  return `b_${randomBytes(9).toString('base64url')}`;
}

/** How often progress is written while a batch runs; the UI polls it. */
const FLUSH_EVERY_MS = 250;

/**
 * A batch upload: the file is parsed as it streams in and every row goes through the same durable
 * intake as a webhook (`Runner.receive`), at most `concurrency` rows at a time. When the queue is
 * deeper than `BATON_MAX_QUEUE` the reader waits (the socket's flow control slows the client)
 * instead of refusing the batch. Bad lines are rejects with their line number, never fatal.
 */
export class BatchService {
  private readonly pause: (ms: number) => Promise<void>;

  constructor(private readonly deps: BatchServiceDeps) {
    this.pause = deps.pause ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async run(input: {
    id?: string | undefined;
    flowId: string;
    format: BatchFormat;
    fileName: string | null;
    createdBy: string | null;
    body: Readable;
  }): Promise<BatchRecord> {
    const { store, clock } = this.deps;
    const published = await store.versions.published(input.flowId);
    if (!published) {
      input.body.resume(); // drain: the client is still sending
      if (!(await store.flows.get(input.flowId)))
        throw new NotFoundProblem('flow_not_found', `no flow ${input.flowId}`);
      throw new ConflictProblem(
        'flow_not_published',
        `flow ${input.flowId} has no published version; publish one before uploading a batch`,
      );
    }
    const id = input.id ?? newBatchId();
    if (await store.batches.get(id)) {
      input.body.resume();
      throw new ConflictProblem('conflict', `a batch ${id} exists already`);
    }
    const batch: BatchRecord = {
      id,
      flowId: input.flowId,
      version: published.version,
      format: input.format,
      fileName: input.fileName,
      state: 'receiving',
      counts: { ...EMPTY_BATCH_COUNTS },
      bytes: 0,
      createdBy: input.createdBy,
      createdAt: clock.now().toISOString(),
      finishedAt: null,
      error: null,
    };
    await store.batches.create(batch);

    const limit = new ByteLimit(this.deps.options.maxBytes);
    const counts: BatchCounts = batch.counts;
    const rejects: BatchReject[] = [];
    const inflight = new Set<Promise<void>>();
    let lastFlush = Date.now();
    const flush = async () => {
      lastFlush = Date.now();
      const pending = rejects.splice(0);
      if (pending.length > 0) await store.batches.addRejects(pending);
      await store.batches.update(id, { counts: { ...counts }, bytes: limit.bytes });
    };
    // Rejects are kept in the clear for download: a row's pii fields are masked like a run's input
    // (the row is then shown as JSON). A malformed line is no record, so there is nothing to mask.
    const pii = await piiFieldsOfVersion(store, input.flowId, published.version);
    const rawOf = (row: BatchRow) =>
      'record' in row && pii.size > 0 ? JSON.stringify(maskRecord(row.record, pii)) : row.raw;
    const reject = (row: BatchRow, reason: string, error: string, runId: string | null = null) =>
      rejects.push({ batchId: id, line: row.line, reason, error, raw: rawOf(row), runId });

    let error: string | null = null;
    const piped = pipeline(input.body, limit).catch((e: unknown) => {
      error = e instanceof Error ? e.message : String(e);
    });
    try {
      for await (const row of readBatchRows(limit, input.format)) {
        counts.rows++;
        if ('error' in row) {
          counts.malformed++;
          reject(row, 'malformed', row.error);
        } else {
          while (inflight.size >= this.deps.options.concurrency || this.deps.runner.backPressure() > 0) {
            await Promise.race([...inflight, this.pause(20)]);
          }
          counts.queued++;
          const job = this.submit(row, input.flowId, counts, reject).finally(() => inflight.delete(job));
          inflight.add(job);
        }
        if (Date.now() - lastFlush >= FLUSH_EVERY_MS) await flush();
      }
    } catch (e) {
      error ??= e instanceof Error ? e.message : String(e);
    }
    await piped;
    if (limit.exceeded) error = new BatchTooLargeError(this.deps.options.maxBytes).message;
    await Promise.all(inflight);
    await flush();
    const finishedAt = clock.now().toISOString();
    await store.batches.update(id, { state: 'done', finishedAt, ...(error !== null && { error }) });
    const done = (await store.batches.get(id))!;
    if (limit.exceeded) {
      throw new Problem(
        413,
        'payload_too_large',
        new BatchTooLargeError(this.deps.options.maxBytes).message,
        {
          batchId: id,
          counts: done.counts,
        },
      );
    }
    return done;
  }

  /** One row through the webhook intake; its outcome lands in `counts` (and `rejects`). */
  private async submit(
    row: Extract<BatchRow, { record: unknown }>,
    flowId: string,
    counts: BatchCounts,
    reject: (row: BatchRow, reason: string, error: string, runId?: string | null) => void,
  ): Promise<void> {
    try {
      const outcome = await this.deps.runner.receive(
        { flowId, record: row.record, idempotencyKey: undefined },
        true,
        // Stored as queued before executing: a restart mid-upload finishes the rows taken in.
        { intakeFirst: true },
      );
      if (outcome.kind === 'duplicate') {
        counts.duplicate++;
        return;
      }
      if (outcome.kind === 'accepted') return; // not with wait = true; nothing to count yet
      const { run } = outcome;
      counts[run.status]++;
      if (run.status === 'rejected') {
        const failed = run.checks.filter((c) => c.result === 'fail');
        reject(row, 'rejected', failed.map((c) => c.message ?? c.rule).join('; ') || 'rejected', run.runId);
      } else if (run.status === 'failed') {
        reject(row, 'failed', run.error ?? 'the run failed', run.runId);
      }
    } catch (error) {
      // The same record still running from an earlier row or upload: it will be done once.
      if (error instanceof Problem && error.code === 'idempotency_key_in_progress') {
        counts.duplicate++;
        return;
      }
      counts.queued--;
      counts.malformed++;
      reject(row, 'refused', error instanceof Error ? error.message : String(error));
    }
  }
}
