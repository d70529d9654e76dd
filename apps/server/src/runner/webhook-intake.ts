import { createHash } from 'node:crypto';
import { canonicalJson } from '@baton/schema';
import type { Repositories, RunLease, RunRecord } from '@baton/store';
import { BadRequestProblem, ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../problems.js';
import { newRunId } from '../run-id.js';
import type { RunInputVault } from './run-input-vault.js';

export type IntakeDecision =
  | { kind: 'queued'; run: RunRecord; retryOf: string | null }
  | { kind: 'duplicate'; runId: string; original: RunRecord };

export interface IntakeRequest {
  flowId: string;
  record: Record<string, unknown>;
  /** The `Idempotency-Key` header, when the caller sent one. */
  idempotencyKey: string | undefined;
  /** Computed by the caller already (the runner hashes before it claims the key). */
  payloadHash?: string;
  /** The id the new run gets (the runner names its claim after it). */
  runId?: string;
}

export interface IntakeContext {
  now: Date;
  /** The executing worker's lease on the new run. */
  lease: RunLease;
  /** Runs received before this instant no longer count for duplicate detection (key expiry). */
  keysSince: string;
  /** Seals the raw input before it is stored (only its masked copy stays readable). */
  inputs: RunInputVault;
}

/** Records nested deeper than this are refused: hashing, mapping and storing recurse over them. */
export const MAX_RECORD_DEPTH = 64;

/** Throws 400 `invalid_record` for a record nested deeper than `MAX_RECORD_DEPTH` (checked without recursion). */
export function assertRecordDepth(record: unknown): void {
  const stack: Array<[unknown, number]> = [[record, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_RECORD_DEPTH) {
      throw new BadRequestProblem(
        'invalid_record',
        `the record is nested deeper than ${MAX_RECORD_DEPTH} levels`,
      );
    }
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}

/** Key order and whitespace do not make two bodies different. */
export function payloadHashOf(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

/**
 * Durable intake of one request, inside the caller's transaction (intake group-commits many
 * requests in one): decides whether it is new, a duplicate or a conflict and records that (a
 * `queued` run with its input, or a finished `duplicate` run) before anything executes, so an
 * acknowledged record survives a crash. A conflict throws before anything is written.
 *
 * Duplicates follow Stripe's Idempotency-Key semantics; without the header the body's hash is
 * the key. A resend is compared with the latest non-duplicate run of the same key received
 * within the key window: still running → 409; different body → 422; `failed` → executed
 * again (a failure is retryable); otherwise → a `duplicate` run pointing at it.
 */
export async function decideIntake(
  request: IntakeRequest,
  tx: Repositories,
  context: IntakeContext,
): Promise<IntakeDecision> {
  const published = await tx.versions.published(request.flowId);
  if (!published) {
    if (await tx.flows.get(request.flowId)) {
      throw new NotFoundProblem('flow_not_published', `flow ${request.flowId} has no published version`);
    }
    throw new NotFoundProblem('flow_not_found', `no flow ${request.flowId}`);
  }
  const payloadHash = request.payloadHash ?? payloadHashOf(request.record);
  const idempotencyKey = request.idempotencyKey ?? `sha256:${payloadHash}`;
  const receivedAt = context.now.toISOString();
  const runId = request.runId ?? newRunId(context.now);

  const previous = await tx.runs.latestByKey(request.flowId, idempotencyKey, context.keysSince);
  if (previous && previous.payloadHash !== payloadHash) {
    throw new UnprocessableProblem(
      'idempotency_key_reused',
      `Idempotency-Key ${idempotencyKey} was used for run ${previous.id} with a different body`,
      { originalRunId: previous.id },
    );
  }
  if (previous && (previous.status === 'queued' || previous.status === 'running')) {
    throw new ConflictProblem(
      'idempotency_key_in_progress',
      `run ${previous.id} with this key is still running`,
      {
        originalRunId: previous.id,
      },
    );
  }
  const base = {
    id: runId,
    flowId: request.flowId,
    idempotencyKey,
    payloadHash,
    input: request.record,
    receivedAt,
  };
  // Stored: the masked copy and the sealed raw input; `base` (raw) only goes on to execution.
  const stored = async (version: number) => ({
    ...base,
    ...(await context.inputs.sealFor(tx.versions, { flowId: request.flowId, version }, request.record)),
  });
  if (previous && previous.status !== 'failed') {
    await tx.runs.insert({
      ...(await stored(previous.version)),
      version: previous.version,
      status: 'duplicate',
      recordKey: previous.recordKey,
      duplicateOf: previous.id,
    });
    return { kind: 'duplicate', runId, original: previous };
  }
  await tx.runs.insert({
    ...(await stored(published.version)),
    version: published.version,
    status: 'queued',
    recordKey: null,
    duplicateOf: null,
    lease: context.lease,
  });
  // A resend of a failed record is its retry: the dead letter is settled by this run.
  const retryOf = previous?.status === 'failed' ? previous.id : null;
  if (retryOf) await tx.deadLetters.markRetried(retryOf, runId, receivedAt);
  return { kind: 'queued', run: queuedRecord({ ...base, version: published.version }), retryOf };
}

export function queuedRecord(run: {
  id: string;
  flowId: string;
  version: number;
  idempotencyKey: string;
  payloadHash: string;
  input: Record<string, unknown>;
  inputSealed?: string;
  receivedAt: string;
}): RunRecord {
  return {
    ...run,
    status: 'queued',
    recordKey: null,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    duplicateOf: null,
    error: null,
  };
}
