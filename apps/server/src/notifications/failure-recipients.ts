import { randomUUID } from 'node:crypto';
import type { Plan, Step } from '@baton/schema';
import type { IssueCategory, NewInboxItem, OwnerLookupEntry, RunDetail } from '@baton/store';
import { maskStep, piiFieldsOf } from '../masking/mask-trace.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A write step that failed did so against its target (after the target's own retries): a
 * connectivity problem. Anything else failing (a mapping that throws, a missing plan) is
 * downstream processing (PRODUCT.md "RACI", the owner lookup's categories).
 */
const categoryOfFailure = (step: Step | undefined): IssueCategory =>
  step?.kind === 'write' ? 'connectivity' : 'downstreamProcessing';

/**
 * Inbox items for a run that ended `failed` (issue 3: technical failures notify too): the R and
 * A of the incident-response row of the edge into the failing node; without such a row (or
 * without an edge, when the run failed before any step), the owner lookup's owner for the
 * failure's category. One item per owner, so a run notifies each of them once.
 */
export function failureItemsForRun(
  run: RunDetail,
  plan: Plan | null,
  lookup: readonly OwnerLookupEntry[],
  now: string,
): NewInboxItem[] {
  const step = run.steps.find((s) => s.status === 'failed');
  const edgeId = step?.viaEdge ?? null;
  const row = plan?.edges.find((e) => e.id === edgeId)?.raci?.rows.find((r) => r.id === 'incidentResponse');
  let owners = row ? [...new Set([...row.responsible, ...row.accountable])] : [];
  const category = categoryOfFailure(step);
  if (owners.length === 0) owners = lookup.filter((e) => e.category === category).map((e) => e.ownerId);
  const error = step?.error ?? run.error ?? 'the run failed';
  const input = step && plan ? maskStep(step, piiFieldsOf(plan.edges)).input : null;
  return owners.map((ownerId) => ({
    id: `ibx_${randomUUID()}`,
    ownerId,
    kind: 'failed',
    runId: run.id,
    flowId: run.flowId,
    edgeId,
    nodeId: step?.nodeId ?? null,
    field: null,
    rule: category,
    message: step ? `${step.label} failed: ${error}` : `run failed: ${error}`,
    record: isRecord(input) ? input : {},
    createdAt: now,
  }));
}
