import type { SourceEdge } from '@baton/schema';
import type { Store } from '@baton/store';

/** One place an owner id is still used; `where` is `field:<name>`, `raci:<row>.<column>` or `lookup:<category>`. */
export interface OwnerReference {
  flowId: string | null;
  /** `draft` or `v<n>` (the published version); null for the owner lookup. */
  in: string | null;
  edgeId: string | null;
  where: string;
}

type EdgeLike = Pick<SourceEdge, 'id' | 'contract' | 'raci'>;

const RACI_COLUMNS = ['responsible', 'accountable', 'consulted', 'informed'] as const;

function edgeReferences(ownerId: string, flowId: string, where: string, edges: readonly EdgeLike[]) {
  const refs: OwnerReference[] = [];
  for (const edge of edges) {
    for (const field of edge.contract?.fields ?? [])
      if (field.owner === ownerId)
        refs.push({ flowId, in: where, edgeId: edge.id, where: `field:${field.name}` });
    for (const row of edge.raci?.rows ?? [])
      for (const column of RACI_COLUMNS)
        if (row[column].includes(ownerId))
          refs.push({ flowId, in: where, edgeId: edge.id, where: `raci:${row.id}.${column}` });
  }
  return refs;
}

/**
 * Everywhere an owner is still referenced: contract fields and RACI cells of each flow's draft
 * and published version (the ones that route notifications now or after the next publish), and
 * the owner lookup. Deleting an owner that is still referenced would silently drop those
 * notifications, so the API refuses it and lists these places instead.
 */
export async function ownerReferences(store: Store, ownerId: string): Promise<OwnerReference[]> {
  const refs: OwnerReference[] = [];
  for (const flow of await store.flows.list()) {
    const draft = await store.flows.getDraft(flow.id);
    if (draft) refs.push(...edgeReferences(ownerId, flow.id, 'draft', draft.source.edges));
    const published = await store.versions.published(flow.id);
    const version = published ? await store.versions.get(flow.id, published.version) : null;
    if (version)
      refs.push(...edgeReferences(ownerId, flow.id, `v${version.version}`, version.definition.edges));
  }
  for (const entry of await store.owners.lookup())
    if (entry.ownerId === ownerId)
      refs.push({ flowId: null, in: null, edgeId: null, where: `lookup:${entry.category}` });
  return refs;
}

/** A short human list for the problem detail, e.g. `orders/e_crm field:email, lookup:connectivity`. */
export function describeReferences(refs: readonly OwnerReference[]): string {
  const text = refs.map((r) =>
    r.flowId === null ? r.where : `${r.flowId}${r.in === 'draft' ? '' : `@${r.in}`}/${r.edgeId} ${r.where}`,
  );
  return text.length > 5 ? `${text.slice(0, 5).join(', ')} and ${text.length - 5} more` : text.join(', ');
}
