import { classifyContractChange } from '@baton/contracts';
import { canonicalJson, type ContractField, type FlowSource } from '@baton/schema';
import type { RequiredSignOff, SignOff, VersionSummary } from '@baton/store';

/**
 * The owners a submission must consult: for every contract field that changed against the
 * baseline (added, removed, or any rule or metadata changed), the field's owner before and
 * after. A flow with no baseline consults the owners of every field it introduces.
 */
export function requiredSignOffs(baseline: FlowSource | null, next: FlowSource): RequiredSignOff[] {
  const byOwner = new Map<string, Set<string>>();
  const consult = (owner: string | undefined, field: string) => {
    if (!owner) return;
    const fields = byOwner.get(owner) ?? new Set<string>();
    fields.add(field);
    byOwner.set(owner, fields);
  };
  const edgesBefore = new Map((baseline?.edges ?? []).map((e) => [e.id, e]));
  const edgesAfter = new Map(next.edges.map((e) => [e.id, e]));
  for (const id of new Set([...edgesBefore.keys(), ...edgesAfter.keys()])) {
    const before = edgesBefore.get(id)?.contract ?? null;
    const after = edgesAfter.get(id)?.contract ?? null;
    const fieldsBefore = new Map((before?.fields ?? []).map((f) => [f.name, f]));
    const fieldsAfter = new Map((after?.fields ?? []).map((f) => [f.name, f]));
    for (const change of classifyContractChange(before, after).changes) {
      if (change.field === null) continue;
      consult(fieldsBefore.get(change.field)?.owner, change.field);
      consult(fieldsAfter.get(change.field)?.owner, change.field);
    }
  }
  return [...byOwner.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ownerId, fields]) => ({ ownerId, fields: [...fields].sort() }));
}

/** Required owners who have not signed off the version's current content. */
export function pendingSignOffs(
  version: Pick<VersionSummary, 'requiredSignOffs' | 'signOffs' | 'contentHash'>,
): RequiredSignOff[] {
  const signed = new Set(
    version.signOffs.filter((s: SignOff) => s.contentHash === version.contentHash).map((s) => s.ownerId),
  );
  return version.requiredSignOffs.filter((r) => !signed.has(r.ownerId));
}

/** What an owner may change on a field they own: its rules and failure behaviour, not its identity. */
const OWNER_EDITABLE: ReadonlyArray<keyof ContractField> = [
  'required',
  'allowed',
  'pattern',
  'min',
  'max',
  'minLength',
  'maxLength',
  'description',
  'onFail',
  'alsoAccept',
];

function withoutOwnedRules(
  source: FlowSource,
  ownedBefore: (edgeId: string, field: string) => boolean,
): string {
  return canonicalJson({
    ...source,
    layout: null,
    edges: source.edges.map((edge) => ({
      ...edge,
      contract: edge.contract && {
        ...edge.contract,
        fields: edge.contract.fields.map((field) => {
          if (!ownedBefore(edge.id, field.name)) return field;
          const rest: Record<string, unknown> = { ...field };
          for (const key of OWNER_EDITABLE) delete rest[key];
          return rest;
        }),
      },
    })),
  });
}

/**
 * An owner may save a draft only when everything but the rules of contract fields they own
 * (in the draft before) is unchanged. Layout moves are ignored. True when the edit reaches
 * beyond that.
 */
export function ownerEditViolation(before: FlowSource, after: FlowSource, ownerId: string): boolean {
  const owned = new Set<string>();
  for (const edge of before.edges) {
    for (const field of edge.contract?.fields ?? [])
      if (field.owner === ownerId) owned.add(`${edge.id}\u0000${field.name}`);
  }
  const isOwned = (edgeId: string, field: string) => owned.has(`${edgeId}\u0000${field}`);
  return withoutOwnedRules(before, isOwned) !== withoutOwnedRules(after, isOwned);
}
