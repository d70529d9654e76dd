import type { FieldMapping } from '@baton/nodes';

/**
 * The name two fields share when they mean the same thing to a person: case, spaces, `_`, `-`
 * and `.` ignored, camelCase split first so `orderId`, `order_id`, `Order ID` and `ORDER-ID`
 * all become `orderid`.
 */
export function normaliseFieldName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

/**
 * New lines for the targets that have none yet, each paired with the source of the same
 * normalised name. An exact name match wins over a normalised one; a source is used once.
 */
export function autoMapPairs(
  sources: readonly string[],
  targets: readonly string[],
  existing: readonly FieldMapping[],
): FieldMapping[] {
  const mapped = new Set(existing.map((f) => f.to));
  const used = new Set(existing.flatMap((f) => (f.from ? [f.from] : [])));
  const byNormal = new Map<string, string[]>();
  for (const name of sources) {
    const key = normaliseFieldName(name);
    byNormal.set(key, [...(byNormal.get(key) ?? []), name]);
  }
  const pairs: FieldMapping[] = [];
  for (const to of targets) {
    if (mapped.has(to)) continue;
    const candidates = (byNormal.get(normaliseFieldName(to)) ?? []).filter((s) => !used.has(s));
    const from = candidates.includes(to) ? to : candidates[0];
    if (from === undefined) continue;
    used.add(from);
    pairs.push({ to, from, transforms: [] });
  }
  return pairs;
}
