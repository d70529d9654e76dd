import { compile } from '@baton/compiler';
import type { Contract, FlowSource, Plan, SourceEdge, SourceNode } from '@baton/schema';

/** Compiles a small flow for engine tests; a test flow that does not compile is a test bug. */
export function planOf(
  nodes: SourceNode[],
  edges: Array<[id: string, from: string, port: string, to: string]>,
  contracts: Record<string, Contract> = {},
): Plan {
  const source: FlowSource = {
    schemaVersion: 1,
    nodes,
    edges: edges.map(([id, from, port, to]): SourceEdge => ({
      id,
      source: { node: from, port },
      target: { node: to, port: 'in' },
      contract: contracts[id] ?? null,
      raci: null,
    })),
    layout: { nodes: {} },
    meta: {},
  };
  const { definition, diagnostics } = compile(source);
  if (!definition) throw new Error(`test flow does not compile: ${JSON.stringify(diagnostics)}`);
  return definition;
}

export const n = (id: string, kind: SourceNode['kind'], config: Record<string, unknown>): SourceNode => ({
  id,
  kind,
  kindVersion: 1,
  label: `${kind} ${id}`,
  config,
});

export const triggerNode = (id = 'n_t') => n(id, 'trigger', { mode: 'manual' });
export const logNode = (id: string, mask: string[] = []) => n(id, 'log', { mask });
export const writeNode = (id: string, table = 'orders', keyFields = ['id']) =>
  n(id, 'write', { connection: 'downstream', table, keyFields, onConflict: 'update' });
export const rulesNode = (
  id: string,
  rules: Array<{ expression: string; onFail: 'reject' | 'flag'; field?: string }>,
) =>
  n(id, 'validation', {
    rules: rules.map((r, i) => ({ id: `r${i}`, name: `rule_${i}`, message: `rule ${i} failed`, ...r })),
  });
export const mapNode = (
  id: string,
  fields: Array<{ to: string; from: string }>,
  computed: Array<{ to: string; expression: string }> = [],
) =>
  n(id, 'mapping', {
    fields: fields.map((f) => ({ ...f, transforms: [{ op: 'trim' }] })),
    computed,
    keepUnmapped: false,
  });
