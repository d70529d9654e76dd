import type { FastifyInstance } from 'fastify';
import { ISSUE_CATEGORIES, type IssueCategory } from '@baton/store';

const LABELS: Record<IssueCategory, string> = {
  dataQuality: 'Data quality',
  connectivity: 'Connectivity',
  downstreamProcessing: 'Downstream processing',
  businessRule: 'Business rule',
};

/**
 * What happens when the owner does not resolve an issue: the playbook's standing escalation path
 * per category (the owners directory has no escalation field; this is the pilot's agreement).
 */
const ESCALATION: Record<IssueCategory, string> = {
  dataQuality:
    'Owner fixes the record at the source; open after 1 working day → the Accountable of the edge’s data-quality RACI row',
  connectivity:
    'Owner restores the connection and retries the dead letters; down over 4 hours → the pilot lead',
  downstreamProcessing:
    'Owner checks the target system; unresolved after 1 working day → the target system’s team lead',
  businessRule:
    'Owner decides; a rule change goes through a new version and review; disputed → the pilot sponsor',
};

/** The owner lookup as the runbook shows it: issue category → owner, contact, escalation. */
export async function ownerLookupView(app: FastifyInstance) {
  const [entries, owners] = await Promise.all([app.store.owners.lookup(), app.store.owners.list()]);
  return ISSUE_CATEGORIES.map((category) => {
    const ownerId = entries.find((e) => e.category === category)?.ownerId ?? null;
    const owner = owners.find((o) => o.id === ownerId) ?? null;
    return {
      category,
      label: LABELS[category],
      ownerId,
      ownerName: owner?.name ?? null,
      contact: owner?.email ?? (owner?.webhookUrl ? 'webhook notifications' : null),
      escalation: ESCALATION[category],
    };
  });
}
