import type { RunFilter, Store } from '@baton/store';
import type { ReplayService, ReplayTarget } from './replay-service.js';

export interface BulkWhatIfRequest {
  flowId: string;
  against: ReplayTarget;
  /** The last `limit` finished runs matching `filter` (newest first). */
  limit: number;
  filter: Omit<RunFilter, 'flowId'>;
}

export interface RunChange {
  runId: string;
  recordKey: string | null;
  before: string;
  after: string;
  outcomeChanged: boolean;
  changedFields: string[];
  /** The replay view of this run with the what-if open. */
  link: string;
}

export interface BulkWhatIfReport {
  flowId: string;
  against: ReplayTarget;
  generatedAt: string;
  /** Runs selected, replayed, and skipped (duplicates and unfinished runs ran nothing). */
  selected: number;
  replayed: number;
  skipped: number;
  outcomeChanged: number;
  /** Runs whose trace differs at all (outcome, a field, a check, a write). */
  traceChanged: number;
  transitions: Array<{ from: string; to: string; count: number }>;
  fieldsChangingMost: Array<{ nodeId: string; label: string; field: string; count: number }>;
  rulesStartingToFail: Array<{ rule: string; field: string | null; count: number }>;
  rulesStoppingToFail: Array<{ rule: string; field: string | null; count: number }>;
  /** Runs whose trace changed, outcome changes first; at most 200. */
  runs: RunChange[];
}

const TOP = 10;
const MAX_LISTED = 200;

function countInto(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const top = (map: Map<string, number>) =>
  [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP);

/**
 * Replays the last N runs of a flow against a version or the draft, in a sandbox (recorded
 * answers and previews only: nothing written, no notifications, nothing stored), and sums up
 * what would change. The plan is resolved once, so a draft edited meanwhile does not mix in.
 */
export async function bulkWhatIf(
  store: Store,
  service: ReplayService,
  request: BulkWhatIfRequest,
  now: Date,
): Promise<BulkWhatIfReport> {
  const resolved = await service.resolvePlan(request.flowId, request.against);
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.runs.list({
      ...request.filter,
      flowId: request.flowId,
      limit: Math.min(200, request.limit - ids.length),
      ...(cursor ? { cursor } : {}),
    });
    ids.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && ids.length < request.limit);

  const transitions = new Map<string, number>();
  const fields = new Map<string, number>();
  const fieldLabels = new Map<string, { nodeId: string; label: string; field: string }>();
  const starting = new Map<string, number>();
  const stopping = new Map<string, number>();
  const changes: RunChange[] = [];
  let replayed = 0;
  for (const id of ids) {
    let loaded;
    try {
      loaded = await service.loadReplayable(id);
    } catch {
      continue; // duplicates and unfinished runs ran nothing: counted as skipped
    }
    const result = await service.replayLoaded(loaded.run, loaded.original, request.against, resolved);
    replayed++;
    const { diff } = result;
    if (diff.outcome.changed) countInto(transitions, `${diff.outcome.before}\u0000${diff.outcome.after}`);
    const changedFields = new Set<string>();
    for (const step of diff.steps) {
      for (const change of step.fields) {
        const key = `${step.nodeId}\u0000${change.path}`;
        fieldLabels.set(key, { nodeId: step.nodeId, label: step.label, field: change.path });
        countInto(fields, key);
        changedFields.add(change.path);
      }
      for (const c of step.startedFailing) countInto(starting, `${c.rule}\u0000${c.field ?? ''}`);
      for (const c of step.stoppedFailing) countInto(stopping, `${c.rule}\u0000${c.field ?? ''}`);
    }
    const { run } = loaded;
    if (!diff.identical) {
      changes.push({
        runId: run.id,
        recordKey: run.recordKey,
        before: diff.outcome.before,
        after: diff.outcome.after,
        outcomeChanged: diff.outcome.changed,
        changedFields: [...changedFields],
        link: `/runs/${encodeURIComponent(run.id)}?whatIf=${request.against}`,
      });
    }
  }
  const rule = ([key, count]: [string, number]) => {
    const [name = '', field = ''] = key.split('\u0000');
    return { rule: name, field: field === '' ? null : field, count };
  };
  changes.sort((a, b) => Number(b.outcomeChanged) - Number(a.outcomeChanged));
  return {
    flowId: request.flowId,
    against: request.against,
    generatedAt: now.toISOString(),
    selected: ids.length,
    replayed,
    skipped: ids.length - replayed,
    outcomeChanged: changes.filter((c) => c.outcomeChanged).length,
    traceChanged: changes.length,
    transitions: [...transitions].map(([key, count]) => {
      const [from = '', to = ''] = key.split('\u0000');
      return { from, to, count };
    }),
    fieldsChangingMost: top(fields).map(([key, count]) => ({
      ...(fieldLabels.get(key) as { nodeId: string; label: string; field: string }),
      count,
    })),
    rulesStartingToFail: top(starting).map(rule),
    rulesStoppingToFail: top(stopping).map(rule),
    runs: changes.slice(0, MAX_LISTED),
  };
}
