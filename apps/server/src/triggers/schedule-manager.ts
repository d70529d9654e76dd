import { Cron } from 'croner';
import { cronSyntaxError, type ScheduleSettings } from '@baton/nodes';
import { ConflictProblem, Problem } from '../problems.js';
import {
  publishedSchedule,
  runScheduleTick,
  type ScheduleTickDeps,
  type ScheduleTickResult,
} from './schedule-tick.js';

interface Job {
  /** What the job was built from; a new published version with other settings rebuilds it. */
  key: string;
  nodeId: string;
  version: number;
  cron: Cron;
}

export interface ScheduleLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/** Fire times of a cron expression (croner's reading of it), or the reason it is not one. */
export function previewCron(
  expression: string,
  timezone: string | undefined,
  count = 3,
): { valid: true; nextRuns: string[] } | { valid: false; error: string } {
  // The compiler's words for a malformed expression ("\"61\" is not a valid minute"), the same as
  // the trigger's diagnostic beside it, rather than croner's ("CronPattern: Invalid value for
  // minute: 61"); croner still decides everything the syntax check lets through (a time zone).
  const syntax = cronSyntaxError(expression);
  if (syntax) return { valid: false, error: syntax };
  try {
    const cron = new Cron(expression, { paused: true, ...(timezone && { timezone }) });
    const nextRuns = cron.nextRuns(count).map((d) => d.toISOString());
    cron.stop();
    return { valid: true, nextRuns };
  } catch (error) {
    return { valid: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Embedded mode's scheduler: one croner job per flow whose PUBLISHED version has a schedule
 * trigger. `sync(flowId)` runs after a publish or rollback (and on a periodic pass that also
 * notices deleted flows), so drafts and superseded versions never tick. Ticks of one flow never
 * overlap: a fire while the previous tick runs is skipped, and run-now answers 409.
 */
export class ScheduleManager {
  private readonly jobs = new Map<string, Job>();
  private readonly busy = new Set<string>();
  private stopped = false;

  constructor(
    private readonly deps: ScheduleTickDeps,
    private readonly log: ScheduleLog,
    /** False in cluster mode: BullMQ's job scheduler fires ticks there (see `runScheduleTick`). */
    private readonly fire = true,
  ) {}

  /** Starts, rebuilds or stops the job of one flow to match its published version. */
  async sync(flowId: string): Promise<void> {
    let wanted: { version: number; nodeId: string; settings: ScheduleSettings } | null = null;
    try {
      wanted = await publishedSchedule(this.deps.store, flowId);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
    }
    const current = this.jobs.get(flowId);
    const key = wanted ? JSON.stringify([wanted.version, wanted.nodeId, wanted.settings]) : null;
    if (current && current.key === key) return;
    if (current) {
      current.cron.stop();
      this.jobs.delete(flowId);
      this.log.info({ flowId, version: current.version }, 'schedule stopped');
    }
    if (!wanted || !key || this.stopped) return;
    const { cron: expression, timezone } = wanted.settings;
    const nodeId = wanted.nodeId;
    try {
      const cron = new Cron(
        expression,
        { paused: !this.fire, ...(timezone && { timezone }) },
        () => void this.tickQuietly(flowId, nodeId),
      );
      this.jobs.set(flowId, { key, nodeId, version: wanted.version, cron });
      this.log.info({ flowId, version: wanted.version, cron: expression }, 'schedule started');
    } catch (error) {
      const message = `invalid cron "${expression}": ${(error as Error).message}`;
      await this.deps.store.schedules.recordError({
        flowId,
        nodeId,
        error: message,
        at: this.deps.clock.now().toISOString(),
      });
      this.log.warn({ flowId, error: message }, 'schedule not started');
    }
  }

  /** Every flow: start what is published, stop what is gone. */
  async syncAll(): Promise<void> {
    const flows = await this.deps.store.flows.list();
    const ids = new Set(flows.map((f) => f.id));
    for (const id of [...this.jobs.keys()]) if (!ids.has(id)) await this.sync(id);
    for (const id of ids) await this.sync(id);
  }

  /** A tick now (run-now, or the cron firing); 409 `schedule_tick_busy` while one is running. */
  async tick(flowId: string, nodeId?: string): Promise<ScheduleTickResult> {
    if (this.busy.has(flowId)) {
      throw new ConflictProblem('schedule_tick_busy', `a tick of flow ${flowId} is running`);
    }
    this.busy.add(flowId);
    try {
      const target = nodeId ?? (await publishedSchedule(this.deps.store, flowId)).nodeId;
      return await runScheduleTick(this.deps, { flowId, nodeId: target });
    } finally {
      this.busy.delete(flowId);
    }
  }

  status(flowId: string): { active: boolean; running: boolean; nextRuns: string[] } {
    const job = this.jobs.get(flowId);
    return {
      active: job !== undefined && this.fire,
      running: this.busy.has(flowId),
      nextRuns: job ? job.cron.nextRuns(3).map((d) => d.toISOString()) : [],
    };
  }

  stop(): void {
    this.stopped = true;
    for (const job of this.jobs.values()) job.cron.stop();
    this.jobs.clear();
  }

  private async tickQuietly(flowId: string, nodeId: string): Promise<void> {
    if (this.busy.has(flowId)) return; // the previous tick is still reading: skip this fire
    try {
      const result = await this.tick(flowId, nodeId);
      if (result.started > 0) this.log.info({ flowId, ...result }, 'schedule tick');
    } catch (error) {
      // Recorded as the schedule's last error by the tick itself; a log line is enough here.
      this.log.warn({ flowId, err: error }, 'schedule tick failed');
    }
  }
}
