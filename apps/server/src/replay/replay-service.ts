import { compile } from '@baton/compiler';
import type { WriteTargets } from '@baton/nodes';
import type { Plan, Trace } from '@baton/schema';
import type { RunDetail, Store } from '@baton/store';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../problems.js';
import { piiFieldsOfVersion } from '../masking/mask-run.js';
import { maskTrace, piiFieldsOf } from '../masking/mask-trace.js';
import type { RunInputVault } from '../runner/run-input-vault.js';
import { replayRun, traceOf } from './replay-run.js';
import { diffTraces, type TraceDiff } from './trace-diff.js';

/** What a replay runs against: a version number, or the flow's current draft. */
export type ReplayTarget = number | 'draft';

export interface ResolvedPlan {
  plan: Plan;
  version: number | null;
}

export interface ReplayResult {
  runId: string;
  against: ReplayTarget;
  /** True when replayed against the version the run used: the trace must equal the original. */
  ownVersion: boolean;
  original: Trace;
  replay: Trace;
  diff: TraceDiff;
}

/**
 * Replays and what-ifs. Plans are read per call (a draft changes; versions are cached by the
 * runner for intake, not here: replay is rare and reads one version at a time).
 */
export class ReplayService {
  constructor(
    private readonly store: Store,
    /** Previewed (never written) for writes the original has no answer for. */
    private readonly targets: WriteTargets,
    /** Replay is the one reader of a run's raw input besides the runner. */
    private readonly inputs: RunInputVault,
  ) {}

  async resolvePlan(flowId: string, against: ReplayTarget): Promise<ResolvedPlan> {
    if (against === 'draft') {
      const draft = await this.store.flows.getDraft(flowId);
      if (!draft) throw new NotFoundProblem('flow_not_found', `no flow ${flowId}`);
      const { definition, diagnostics } = compile(draft.source);
      if (!definition) {
        throw new UnprocessableProblem('draft_invalid', 'the draft has errors; fix them before a what-if', {
          diagnostics,
        });
      }
      return { plan: definition, version: null };
    }
    const version = await this.store.versions.get(flowId, against);
    if (!version) throw new NotFoundProblem('version_not_found', `flow ${flowId} has no version ${against}`);
    return { plan: version.definition, version: against };
  }

  async loadReplayable(runId: string): Promise<{ run: RunDetail; original: Trace }> {
    const run = await this.store.runs.get(runId);
    if (!run) throw new NotFoundProblem('run_not_found', `no run ${runId}`);
    if (run.purgedAt) {
      throw new ConflictProblem(
        'run_not_replayable',
        `run ${runId}'s input and steps were purged (retention)`,
        {
          purgedAt: run.purgedAt,
        },
      );
    }
    const original = traceOf(run);
    if (!original) {
      throw new ConflictProblem(
        'run_not_replayable',
        run.status === 'duplicate'
          ? `run ${runId} is a duplicate and ran nothing; replay its original ${run.duplicateOf ?? ''}`.trim()
          : `run ${runId} has not finished`,
        run.duplicateOf ? { duplicateOf: run.duplicateOf } : {},
      );
    }
    return { run, original };
  }

  async replay(runId: string, against: ReplayTarget): Promise<ReplayResult> {
    const { run, original } = await this.loadReplayable(runId);
    const resolved = await this.resolvePlan(run.flowId, against);
    return this.replayLoaded(run, original, against, resolved);
  }

  /**
   * A replay as the API shows it: both traces with the fields classified pii (by the run's
   * version or the plan replayed against) masked, and the diff taken between the masked traces,
   * so no raw pii value leaves through a diff either.
   */
  async replayMasked(runId: string, against: ReplayTarget): Promise<ReplayResult> {
    const { run, original } = await this.loadReplayable(runId);
    const resolved = await this.resolvePlan(run.flowId, against);
    const raw = await this.replayLoaded(run, original, against, resolved);
    const fields = await this.piiFields(run, resolved);
    if (fields.size === 0) return raw;
    // The diff is already taken between masked traces (replayLoaded).
    return { ...raw, original: maskTrace(raw.original, fields), replay: maskTrace(raw.replay, fields) };
  }

  private async piiFields(run: RunDetail, resolved: ResolvedPlan): Promise<Set<string>> {
    return new Set([
      ...(await piiFieldsOfVersion(this.store, run.flowId, run.version)),
      ...piiFieldsOf(resolved.plan.edges),
    ]);
  }

  /** With the run and plan already at hand (bulk what-if resolves the plan once). */
  async replayLoaded(
    run: RunDetail,
    original: Trace,
    against: ReplayTarget,
    resolved: ResolvedPlan,
  ): Promise<ReplayResult> {
    const ownVersion = against === run.version;
    const replay = await replayRun({ ...run, input: this.inputs.open(run) }, original, resolved.plan, {
      // Own version: a faithful re-execution (the trace must match byte for byte); else a dry run.
      dryRun: !ownVersion,
      version: resolved.version,
      fallbackTargets: this.targets,
    });
    // Runs store their steps pii-masked (the runner) while the replay runs on the raw input: diff
    // the two masked, so pii fields neither show as changes nor leave through the diff.
    const fields = await this.piiFields(run, resolved);
    const diff = diffTraces(maskTrace(original, fields), maskTrace(replay, fields));
    return { runId: run.id, against, ownVersion, original, replay, diff };
  }
}
