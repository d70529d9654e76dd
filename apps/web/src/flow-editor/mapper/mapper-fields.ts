import type { ContractField, FieldKind, FlowSource } from '@baton/schema';
import type { FieldMapping } from '@baton/nodes';

/** What a column row of the mapper shows; `kind` is the contract's type or one read off a sample. */
export type MapperFieldKind = FieldKind | 'object' | 'array' | 'null' | 'unknown';

export interface MapperField {
  name: string;
  kind: MapperFieldKind;
  required: boolean;
  /** Where the row came from, shown as a hint: a contract, the sample, a write key, an existing line. */
  origin: 'contract' | 'sample' | 'key' | 'mapped';
  description?: string;
}

/**
 * Source fields of a mapping node: the contracts of its incoming edges first (they are the agreed
 * hand-off), then keys of the sample record the contract does not list, then fields the config
 * already reads, so an existing line always has both ends on screen.
 */
export function sourceFieldsOf(
  source: FlowSource,
  nodeId: string,
  sample: unknown,
  fields: readonly FieldMapping[],
): MapperField[] {
  const out = new FieldList();
  for (const edge of source.edges) {
    if (edge.target.node !== nodeId) continue;
    for (const field of edge.contract?.fields ?? []) out.add(fromContract(field));
  }
  if (isPlainObject(sample)) {
    for (const [name, value] of Object.entries(sample)) {
      out.add({ name, kind: kindOfValue(value), required: false, origin: 'sample' });
    }
  }
  for (const field of fields) {
    if (field.from) out.add({ name: field.from, kind: 'unknown', required: false, origin: 'mapped' });
  }
  return out.items();
}

/**
 * Target fields: the contracts of the outgoing edges; when the mapping feeds a write node
 * (directly or through validation/log steps, which pass records on unchanged) that write's key
 * fields, which must be produced; then every target the config already writes.
 */
export function targetFieldsOf(
  source: FlowSource,
  nodeId: string,
  fields: readonly FieldMapping[],
): MapperField[] {
  const out = new FieldList();
  for (const edge of source.edges) {
    if (edge.source.node !== nodeId) continue;
    for (const field of edge.contract?.fields ?? []) out.add(fromContract(field));
  }
  for (const write of downstreamWrites(source, nodeId)) {
    const keys = write.config['keyFields'];
    if (!Array.isArray(keys)) continue;
    for (const key of keys) {
      if (typeof key === 'string' && key)
        out.add({ name: key, kind: 'unknown', required: true, origin: 'key' });
    }
  }
  for (const field of fields) {
    if (field.to) out.add({ name: field.to, kind: 'unknown', required: false, origin: 'mapped' });
  }
  return out.items();
}

/** The sample record to preview with: a JSON object, or the first object of a JSON array. */
export function parseSampleText(
  text: string,
): { ok: true; record: Record<string, unknown> } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'Not valid JSON' };
  }
  const record = Array.isArray(parsed) ? (parsed as unknown[])[0] : parsed;
  if (!isPlainObject(record)) return { ok: false, message: 'The sample must be a JSON object (a record)' };
  return { ok: true, record };
}

export function kindOfValue(value: unknown): MapperFieldKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return 'datetime';
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return 'unknown';
  }
}

function fromContract(field: ContractField): MapperField {
  return {
    name: field.name,
    kind: field.type,
    required: field.required,
    origin: 'contract',
    ...(field.description ? { description: field.description } : {}),
  };
}

const PASS_THROUGH_KINDS = new Set(['validation', 'log']);

function downstreamWrites(source: FlowSource, nodeId: string) {
  const byId = new Map(source.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>([nodeId]);
  const queue = [nodeId];
  const writes = [];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const edge of source.edges) {
      if (edge.source.node !== current || seen.has(edge.target.node)) continue;
      seen.add(edge.target.node);
      const next = byId.get(edge.target.node);
      if (next?.kind === 'write') writes.push(next);
      else if (next && PASS_THROUGH_KINDS.has(next.kind)) queue.push(next.id);
    }
  }
  return writes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps the first row per name; a later source may only fill in a better kind or requiredness. */
class FieldList {
  private readonly byName = new Map<string, MapperField>();

  add(field: MapperField): void {
    const existing = this.byName.get(field.name);
    if (!existing) {
      this.byName.set(field.name, field);
      return;
    }
    this.byName.set(field.name, {
      ...existing,
      kind: existing.kind === 'unknown' ? field.kind : existing.kind,
      required: existing.required || field.required,
    });
  }

  items(): MapperField[] {
    return [...this.byName.values()];
  }
}
