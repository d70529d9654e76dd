import { randomUUID } from 'node:crypto';
import type { Check, Plan, Step } from '@baton/schema';
import type { IssueCategory, NewInboxItem, OwnerLookupEntry, RunDetail } from '@baton/store';
import { maskStep, piiFieldsOf } from '../masking/mask-trace.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Contract checks are named `contract…`; anything else on a step is a business rule. */
const categoryOf = (check: Check): IssueCategory =>
  check.rule.startsWith('contract') ? 'dataQuality' : 'businessRule';

/** R and A of the data-quality row of the edge the record arrived on. */
function dataQualityOwners(plan: Plan, edgeId: string | undefined): string[] {
  const row = plan.edges.find((e) => e.id === edgeId)?.raci?.rows.find((r) => r.id === 'dataQuality');
  return row ? [...new Set([...row.responsible, ...row.accountable])] : [];
}

/**
 * The inbox items a finished run produces (PRODUCT.md "RACI", issue 3 "Runtime semantics"):
 * - rejected: each failing check goes to the R and A of the data-quality row of the edge the
 *   record arrived on; without such a row, a contract check goes to its field's owner, else the
 *   lookup's data-quality owner, and a validation rule to the lookup's business-rule owner,
 *   else the rule's owner;
 * - flagged: each flag opens a follow-up for the field's owner (else the lookup's).
 * Failed runs are `failureItemsForRun`'s. The record is the step's input with pii masked: inboxes and webhooks leave the trace's protection intact.
 */
export function itemsForRun(
  run: RunDetail,
  plan: Plan,
  lookup: readonly OwnerLookupEntry[],
  now: string,
): NewInboxItem[] {
  const pii = piiFieldsOf(plan.edges);
  const lookupOwner = (category: IssueCategory) => lookup.find((e) => e.category === category)?.ownerId;
  const items: NewInboxItem[] = [];
  const add = (step: Step, check: Check, ownerId: string, kind: NewInboxItem['kind']) => {
    const input = maskStep(step, pii).input;
    items.push({
      id: `ibx_${randomUUID()}`,
      ownerId,
      kind,
      runId: run.id,
      flowId: run.flowId,
      edgeId: step.contract?.edgeId ?? step.viaEdge ?? null,
      nodeId: step.nodeId,
      field: check.field ?? null,
      rule: check.rule,
      message: check.message ?? `${check.rule} ${check.result === 'flag' ? 'flagged' : 'failed'}`,
      record: isRecord(input) ? input : {},
      createdAt: now,
    });
  };

  for (const step of run.steps) {
    for (const check of step.checks) {
      if (check.result === 'fail' && step.status === 'rejected') {
        let owners = dataQualityOwners(plan, step.contract?.edgeId ?? step.viaEdge);
        // A contract failure is the field owner's first; a validation rule's rejection is a
        // business-rule issue, routed by the owner lookup (the rule's owner only without one).
        const category = categoryOf(check);
        const fallback =
          category === 'businessRule'
            ? (lookupOwner(category) ?? check.owner)
            : (check.owner ?? lookupOwner(category));
        if (owners.length === 0) owners = [fallback].filter((o) => o !== undefined);
        for (const owner of owners) add(step, check, owner, 'rejected');
      } else if (check.result === 'flag') {
        const owner = check.owner ?? lookupOwner(categoryOf(check));
        if (owner !== undefined) add(step, check, owner, 'follow_up');
      }
    }
  }
  return items;
}
