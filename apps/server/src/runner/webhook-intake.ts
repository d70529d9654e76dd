import { createHash } from 'node:crypto';
import type { Clock } from '@baton/nodes';
import { canonicalJson, type RunStatus } from '@baton/schema';
import type { RunRecord, Store } from '@baton/store';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../problems.js';
import { newRunId } from '../run-id.js';

export type IntakeDecision =
  { kind: 'queued'; run: RunRecord } | { kind: 'duplicate'; runId: string; original: RunRecord };

export interface IntakeRequest {
  flowId: string;
  record: Record<string, unknown>;
  /** The `Idempotency-Key` header, when the caller sent one. */
  idempotencyKey: string | undefined;
}

/** Key order and whitespace do not make two bodies different. */
export function payloadHashOf(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

/**
 * Durable intake: decides whether a webhook request is new, a duplicate or a conflict, and
 * commits that decision (a `queued` run with its input, or a finished `duplicate` run) before
 * anything executes, so an acknowledged record survives a crash.
 *
 * Duplicates follow Stripe's Idempotency-Key semantics; without the header the body's hash is
 * the key. A resend is compared with the latest non-duplicate run of the same key: still
 * running → 409; different body → 422; `failed` → executed again (a failure is retryable);
 * otherwise → a `duplicate` run pointing at it, nothing executed.
 */
export async function intake(request: IntakeRequest, store: Store, clock: Clock): Promise<IntakeDecision> {
  const published = await store.versions.published(request.flowId);
  if (!published) {
    if (await store.flows.get(request.flowId)) {
      throw new NotFoundProblem('flow_not_published', `flow ${request.flowId} has no published version`);
    }
    throw new NotFoundProblem('flow_not_found', `no flow ${request.flowId}`);
  }
  const payloadHash = payloadHashOf(request.record);
  const idempotencyKey = request.idempotencyKey ?? `sha256:${payloadHash}`;
  const now = clock.now();
  const receivedAt = now.toISOString();
  const runId = newRunId(now);

  return store.transaction(async (tx): Promise<IntakeDecision> => {
    const previous = await tx.runs.latestByKey(request.flowId, idempotencyKey);
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
    if (previous && previous.status !== 'failed') {
      await tx.runs.insert({
        ...base,
        version: previous.version,
        status: 'duplicate',
        recordKey: previous.recordKey,
        duplicateOf: previous.id,
      });
      return { kind: 'duplicate', runId, original: previous };
    }
    const queued = {
      ...base,
      version: published.version,
      status: 'queued' as const,
      recordKey: null,
      duplicateOf: null,
    };
    await tx.runs.insert(queued);
    return { kind: 'queued', run: toRecord(queued) };
  });
}

function toRecord(run: {
  id: string;
  flowId: string;
  version: number;
  status: RunStatus;
  idempotencyKey: string;
  payloadHash: string;
  input: Record<string, unknown>;
  receivedAt: string;
}): RunRecord {
  return {
    ...run,
    recordKey: null,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    duplicateOf: null,
    error: null,
  };
}
