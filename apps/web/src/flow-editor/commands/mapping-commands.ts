import type { FlowSource } from '@baton/schema';
import type { FieldMapping } from '@baton/nodes';
import { defineCommand } from './command';

/**
 * The visual field mapper's edits of a mapping node's `fields`. Lines are keyed by their target
 * (`to`): the compiler rejects a target produced twice, so a target has at most one line.
 */

export interface MapFieldArgs {
  nodeId: string;
  from: string;
  to: string;
}

/**
 * Draws a line. A target that already has a line gets the new source and keeps its transforms
 * (re-pointing a line is not starting over); a new target is appended with no transforms.
 */
export const mapField = defineCommand<MapFieldArgs>('mapField', (source, { nodeId, from, to }) =>
  editFields(source, nodeId, (fields) => {
    const at = fields.findIndex((f) => f.to === to);
    if (at === -1) return [...fields, { to, from, transforms: [] }];
    const current = fields[at] as FieldMapping;
    if (current.from === from && current.value === undefined) return fields;
    const { value: _value, ...rest } = current;
    return fields.map((f, i) => (i === at ? { ...rest, from } : f));
  }),
);

export interface UnmapFieldArgs {
  nodeId: string;
  to: string;
}

export const unmapField = defineCommand<UnmapFieldArgs>('unmapField', (source, { nodeId, to }) =>
  editFields(source, nodeId, (fields) =>
    fields.some((f) => f.to === to) ? fields.filter((f) => f.to !== to) : fields,
  ),
);

export interface UpdateFieldMappingArgs {
  nodeId: string;
  to: string;
  field: FieldMapping;
}

/** Replaces one line's settings (transforms, literal or expression value) in place. */
export const updateFieldMapping = defineCommand<UpdateFieldMappingArgs>(
  'updateFieldMapping',
  (source, { nodeId, to, field }) =>
    editFields(source, nodeId, (fields) => {
      const at = fields.findIndex((f) => f.to === to);
      if (at === -1 || fields[at] === field) return fields;
      return fields.map((f, i) => (i === at ? field : f));
    }),
);

export interface AutoMapFieldsArgs {
  nodeId: string;
  pairs: readonly FieldMapping[];
}

/** Adds every auto-mapped line at once: one click of "Auto-map" is one undo entry. */
export const autoMapFields = defineCommand<AutoMapFieldsArgs>('autoMapFields', (source, { nodeId, pairs }) =>
  editFields(source, nodeId, (fields) => {
    const taken = new Set(fields.map((f) => f.to));
    const added = pairs.filter((p) => !taken.has(p.to));
    return added.length === 0 ? fields : [...fields, ...added];
  }),
);

/** Applies `edit` to a mapping node's field list; returns `source` itself when nothing changed. */
function editFields(
  source: FlowSource,
  nodeId: string,
  edit: (fields: readonly FieldMapping[]) => readonly FieldMapping[],
): FlowSource {
  const node = source.nodes.find((n) => n.id === nodeId);
  if (node?.kind !== 'mapping') return source;
  const raw = node.config['fields'];
  const fields = Array.isArray(raw) ? (raw as FieldMapping[]) : [];
  const next = edit(fields);
  if (next === fields) return source;
  const config = { computed: [], keepUnmapped: false, ...node.config, fields: next };
  return {
    ...source,
    nodes: source.nodes.map((n) => (n.id === nodeId ? { ...n, config } : n)),
  };
}
