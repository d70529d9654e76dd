import type { FlowSource, Step } from '@baton/schema';
import type { FactIssue, FactStatus, RunDetail, RunFact } from '@baton/store';

/** The contract fields marked as the record's entry timestamp, in edge order. */
export function entryTimestampFields(source: FlowSource): string[] {
  const names: string[] = [];
  for (const edge of source.edges) {
    for (const f of edge.contract?.fields ?? [])
      if (f.entryTimestamp && !names.includes(f.name)) names.push(f.name);
  }
  return names;
}

function validInstant(value: unknown): Date | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The first entry-timestamp value found in the input, then in each step's output. */
function entryTime(run: RunDetail, fields: readonly string[]): Date | null {
  const records: unknown[] = [run.input, ...run.steps.map((s: Step) => s.output)];
  for (const record of records) {
    if (!record || typeof record !== 'object') continue;
    for (const name of fields) {
      const date = validInstant((record as Record<string, unknown>)[name]);
      if (date) return date;
    }
  }
  return null;
}

function issuesOf(steps: readonly Step[]): FactIssue[] {
  const issues: FactIssue[] = [];
  for (const step of steps) {
    for (const c of step.checks) {
      if (c.result === 'pass') continue;
      issues.push({ rule: c.rule, field: c.field ?? null, result: c.result });
    }
  }
  return issues;
}

const FACT_STATUS = new Set<string>(['succeeded', 'flagged', 'rejected', 'failed']);

export function isFactStatus(status: string): status is FactStatus {
  return FACT_STATUS.has(status);
}

/**
 * A finished run as a metrics fact. Entry time: the entry-timestamp field when it holds a
 * date not after the commit (a clock-skewed future value would give a negative TTV), else the
 * receipt time. TTV exists only for committed records (succeeded or flagged).
 */
export function factOfRun(run: RunDetail, entryFields: readonly string[]): RunFact | null {
  if (!isFactStatus(run.status) || run.finishedAt === null) return null;
  const committed = run.status === 'succeeded' || run.status === 'flagged';
  const received = new Date(run.receivedAt);
  const finished = new Date(run.finishedAt);
  const declared = entryTime(run, entryFields);
  const entered = declared && declared.getTime() <= finished.getTime() ? declared : received;
  return {
    runId: run.id,
    flowId: run.flowId,
    version: run.version,
    recordKey: run.recordKey,
    status: run.status,
    enteredAt: entered.toISOString(),
    receivedAt: run.receivedAt,
    committedAt: committed ? run.finishedAt : null,
    ttvMs: committed ? finished.getTime() - entered.getTime() : null,
    demo: false,
    issues: issuesOf(run.steps),
  };
}
