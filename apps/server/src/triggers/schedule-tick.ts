import { Value } from '@sinclair/typebox/value';
import { ScheduleSettings, type Clock } from '@baton/nodes';
import type { Store } from '@baton/store';
import { ConflictProblem, NotFoundProblem, Problem } from '../problems.js';
import type { RunInputVault } from '../runner/run-input-vault.js';
import { assertRecordDepth, decideIntake } from '../runner/webhook-intake.js';
import { readSource, type Cursor, type SourceDeps } from './schedule-source.js';

export interface ScheduleTickDeps extends SourceDeps {
  store: Store;
  clock: Clock;
  inputs: RunInputVault;
  /** Duplicate detection window of the intake (`BATON_IDEMPOTENCY_WINDOW`). */
  idempotencyWindowMs: number;
  /**
   * Called after the runs are committed, to execute them now. Embedded: the runner's reconcile
   * pass (the runs are queued with an already expired lease, so it claims them); cluster mode
   * hands them to its queue. Until it runs, the runs are safe in the store.
   */
  dispatch(runIds: readonly string[]): Promise<void>;
}

export interface ScheduleTickResult {
  started: number;
  /** Rows the intake refused (a too deep record, a key reused with another body); the cursor moves past them. */
  skipped: number;
  cursor: Cursor;
}

/** The schedule settings of a published version's trigger node, or a 404/409 problem. */
export async function publishedSchedule(
  store: Store,
  flowId: string,
  nodeId?: string,
): Promise<{ version: number; nodeId: string; settings: ScheduleSettings }> {
  const published = await store.versions.published(flowId);
  if (!published) {
    if (await store.flows.get(flowId)) {
      throw new ConflictProblem('flow_not_published', `flow ${flowId} has no published version`);
    }
    throw new NotFoundProblem('flow_not_found', `no flow ${flowId}`);
  }
  const version = await store.versions.get(flowId, published.version);
  const trigger = version?.definition.nodes.find(
    (n) => n.kind === 'trigger' && (nodeId === undefined || n.id === nodeId),
  );
  const config = trigger?.config as { mode?: string; schedule?: unknown } | undefined;
  if (!trigger || config?.mode !== 'schedule' || !Value.Check(ScheduleSettings, config.schedule)) {
    throw new ConflictProblem(
      'schedule_not_configured',
      `version ${published.version} of flow ${flowId} has no schedule trigger${nodeId ? ` ${nodeId}` : ''}`,
    );
  }
  return { version: published.version, nodeId: trigger.id, settings: config.schedule };
}

/**
 * One tick of a schedule: reads the rows after the stored cursor and, in ONE transaction, queues
 * a run per row through the webhook's durable intake and moves the cursor past the last row. A
 * crash before the commit leaves neither runs nor cursor (the rows are read again next tick); after
 * it, both. The cursor is compared-and-set, so two overlapping ticks (two processes) cannot both
 * enqueue the same rows: the later one rolls back with 409 `schedule_tick_busy`.
 */
export async function runScheduleTick(
  deps: ScheduleTickDeps,
  target: { flowId: string; nodeId: string },
): Promise<ScheduleTickResult> {
  const { flowId } = target;
  const { nodeId, settings } = await publishedSchedule(deps.store, flowId, target.nodeId);
  const state = await deps.store.schedules.get(flowId, nodeId);
  const cursor: Cursor = state?.cursor ?? null;
  let rows;
  try {
    rows = await readSource(settings.source, cursor, deps);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.store.schedules.recordError({
      flowId,
      nodeId,
      error: message,
      at: deps.clock.now().toISOString(),
    });
    throw new Problem(502, 'schedule_source_failed', message);
  }

  const now = deps.clock.now();
  const context = {
    now,
    // Already expired: the runs belong to whoever claims them first (see `dispatch`).
    lease: { owner: `schedule:${flowId}`, expiresAt: new Date(now.getTime() - 1).toISOString() },
    keysSince: new Date(now.getTime() - deps.idempotencyWindowMs).toISOString(),
    inputs: deps.inputs,
  };
  const next = rows.length > 0 ? rows[rows.length - 1]!.cursor : cursor;
  const { runIds, skipped } = await deps.store.transaction(async (tx) => {
    const ids: string[] = [];
    let refused = 0;
    for (const row of rows) {
      try {
        assertRecordDepth(row.record);
        // The key names the row by its cursor: a row read twice (a lost commit) is one record.
        const decision = await decideIntake(
          { flowId, record: row.record, idempotencyKey: `schedule:${nodeId}:${JSON.stringify(row.cursor)}` },
          tx,
          context,
        );
        if (decision.kind === 'queued') ids.push(decision.run.id);
      } catch (error) {
        // The intake throws before writing anything, so skipping the row keeps the unit of work whole.
        if (!(error instanceof Problem)) throw error;
        refused++;
      }
    }
    const moved = await tx.schedules.advance({
      flowId,
      nodeId,
      expected: cursor,
      next,
      started: ids.length,
      at: now.toISOString(),
    });
    if (!moved) {
      throw new ConflictProblem(
        'schedule_tick_busy',
        `another tick of flow ${flowId} moved the cursor first`,
      );
    }
    return { runIds: ids, skipped: refused };
  });
  if (runIds.length > 0) await deps.dispatch(runIds);
  return { started: runIds.length, skipped, cursor: next };
}
