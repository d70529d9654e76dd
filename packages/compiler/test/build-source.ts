import type { Contract, FlowSource, Raci, SourceEdge, SourceNode } from '@baton/schema';

/** Small builders so each test states only what it is about. */
export const node = (
  id: string,
  kind: string,
  config: Record<string, unknown> = {},
  kindVersion = 1,
): SourceNode => ({ id, kind, kindVersion, label: id, config }) as SourceNode;

export const edge = (
  id: string,
  from: string,
  to: string,
  options: { fromPort?: string; toPort?: string; contract?: Contract; raci?: Raci } = {},
): SourceEdge => ({
  id,
  source: { node: from, port: options.fromPort ?? 'out' },
  target: { node: to, port: options.toPort ?? 'in' },
  contract: options.contract ?? null,
  raci: options.raci ?? null,
});

export const source = (
  nodes: SourceNode[],
  edges: SourceEdge[],
  meta: FlowSource['meta'] = {},
): FlowSource => ({
  schemaVersion: 1,
  nodes,
  edges,
  layout: { nodes: Object.fromEntries(nodes.map((n, i) => [n.id, { x: i * 200, y: 0 }])) },
  meta,
});

export const trigger = (id = 'n_t') => node(id, 'trigger', { mode: 'webhook' });
export const mapping = (id: string, to: string[] = ['id']) =>
  node(id, 'mapping', {
    fields: to.map((f) => ({ to: f, from: f, transforms: [] })),
    computed: [],
    keepUnmapped: false,
  });
export const validation = (id: string, expression = 'id != ""') =>
  node(id, 'validation', { rules: [{ id: 'r1', name: 'r1', expression, message: 'bad', onFail: 'reject' }] });
export const write = (id: string, keyFields = ['id']) =>
  node(id, 'write', { connection: 'downstream', table: 'things', keyFields, onConflict: 'update' });
export const log = (id: string) => node(id, 'log', { mask: [] });

/** trigger → mapping → validation → write → log: a flow with no errors. */
export function linearSource(): FlowSource {
  return source(
    [trigger(), mapping('n_m', ['id', 'name']), validation('n_v'), write('n_w'), log('n_l')],
    [
      edge('e1', 'n_t', 'n_m'),
      edge('e2', 'n_m', 'n_v'),
      edge('e3', 'n_v', 'n_w', { fromPort: 'pass' }),
      edge('e4', 'n_w', 'n_l', { fromPort: 'done' }),
    ],
    { slaMinutes: 60 },
  );
}
