import { describe, expect, it } from 'vitest';
import { compile, planContentHash } from '../src/index.js';
import {
  edge,
  linearSource,
  log,
  mapping,
  node,
  source,
  trigger,
  validation,
  write,
} from './build-source.js';

const errorsOf = (src: Parameters<typeof compile>[0]) =>
  compile(src).diagnostics.filter((d) => d.severity === 'error');

describe('compile: a valid flow', () => {
  it('produces a plan in topological order with outputs per port, record key and SLA', () => {
    const { definition, diagnostics } = compile(linearSource());
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(definition).not.toBeNull();
    const plan = definition!;
    expect(plan.entry).toBe('n_t');
    expect(plan.nodes.map((n) => n.id)).toEqual(['n_t', 'n_m', 'n_v', 'n_w', 'n_l']);
    expect(plan.nodes.find((n) => n.id === 'n_v')?.outputs).toEqual({ pass: ['e3'], reject: [] });
    expect(plan.edges.map((e) => [e.id, e.from, e.to])).toEqual([
      ['e1', { node: 'n_t', port: 'out' }, { node: 'n_m', port: 'in' }],
      ['e2', { node: 'n_m', port: 'out' }, { node: 'n_v', port: 'in' }],
      ['e3', { node: 'n_v', port: 'pass' }, { node: 'n_w', port: 'in' }],
      ['e4', { node: 'n_w', port: 'done' }, { node: 'n_l', port: 'in' }],
    ]);
    expect(plan.recordKey).toEqual(['id']);
    expect(plan.slaMinutes).toBe(60);
    expect(plan.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the canonical JSON of the plan without its hash', () => {
    const { contentHash, ...body } = compile(linearSource()).definition!;
    expect(planContentHash(body)).toBe(contentHash);
  });

  it('orders a fan-out by edge order and takes the record key from the first write', () => {
    const src = source(
      [trigger(), write('n_w1', ['id']), log('n_l'), write('n_w2', ['id', 'name'])],
      [edge('e1', 'n_t', 'n_w1'), edge('e2', 'n_t', 'n_l'), edge('e3', 'n_l', 'n_w2')],
    );
    const plan = compile(src).definition!;
    expect(plan.nodes.map((n) => n.id)).toEqual(['n_t', 'n_w1', 'n_l', 'n_w2']);
    expect(plan.nodes[0]?.outputs).toEqual({ out: ['e1', 'e2'] });
    expect(plan.recordKey).toEqual(['id']);
  });

  it('has an empty record key without a write', () => {
    expect(
      compile(source([trigger(), log('n_l')], [edge('e1', 'n_t', 'n_l')])).definition?.recordKey,
    ).toEqual([]);
  });

  it('fills config defaults into the plan and never mutates the source', () => {
    const src = source(
      [trigger(), node('n_m', 'mapping', { fields: [{ to: 'id', from: 'id' }] }), log('n_l')],
      [edge('e1', 'n_t', 'n_m'), edge('e2', 'n_m', 'n_l')],
    );
    const before = JSON.stringify(src);
    const plan = compile(src).definition!;
    expect(plan.nodes[1]?.config).toEqual({
      fields: [{ to: 'id', from: 'id', transforms: [] }],
      computed: [],
      keepUnmapped: false,
    });
    expect(JSON.stringify(src)).toBe(before);
  });
});

describe('compile: layout and presentation never change the plan', () => {
  it('gives the same plan and hash whatever the positions, viewport or description', () => {
    const a = linearSource();
    const b = linearSource();
    b.layout = {
      nodes: { n_t: { x: 999, y: -40 }, n_l: { x: 3, y: 3 } },
      viewport: { x: 10, y: 20, zoom: 1.5 },
    };
    b.meta = { ...b.meta, description: 'moved everything around' };
    expect(compile(b).definition).toEqual(compile(a).definition);
  });

  it('gives the same hash when config keys are written in another order', () => {
    const a = linearSource();
    const b = linearSource();
    b.nodes[3] = node('n_w', 'write', {
      onConflict: 'update',
      keyFields: ['id'],
      table: 'things',
      connection: 'downstream',
    });
    expect(compile(b).definition?.contentHash).toBe(compile(a).definition?.contentHash);
  });

  it('changes the hash when the semantics change', () => {
    const b = linearSource();
    b.nodes[3] = write('n_w', ['name']);
    expect(compile(b).definition?.contentHash).not.toBe(compile(linearSource()).definition?.contentHash);
  });
});

describe('compile: graph diagnostics', () => {
  it('no_trigger', () => {
    const { definition, diagnostics } = compile(source([log('n_l')], []));
    expect(definition).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['no_trigger']);
  });

  it('multiple_triggers, on each trigger after the first', () => {
    const errors = errorsOf(
      source(
        [trigger('n_a'), trigger('n_b'), log('n_l')],
        [edge('e1', 'n_a', 'n_l'), edge('e2', 'n_b', 'n_l')],
      ),
    );
    expect(errors.map((d) => [d.code, d.nodeId])).toEqual([['multiple_triggers', 'n_b']]);
  });

  it('duplicate_id for nodes and for edges', () => {
    const errors = errorsOf(
      source([trigger(), log('n_l'), log('n_l')], [edge('e1', 'n_t', 'n_l'), edge('e1', 'n_t', 'n_l')]),
    );
    expect(errors.map((d) => [d.code, d.nodeId ?? d.edgeId])).toEqual([
      ['duplicate_id', 'n_l'],
      ['duplicate_id', 'e1'],
    ]);
  });

  it('unknown_kind', () => {
    const errors = errorsOf(source([trigger(), node('n_x', 'teleport')], [edge('e1', 'n_t', 'n_x')]));
    expect(errors.map((d) => [d.code, d.nodeId])).toEqual([['unknown_kind', 'n_x']]);
  });

  it('edge_dangling, when either end is missing', () => {
    const errors = errorsOf(
      source(
        [trigger(), log('n_l')],
        [edge('e1', 'n_t', 'n_l'), edge('e2', 'n_l', 'n_gone'), edge('e3', 'n_ghost', 'n_l')],
      ),
    );
    expect(errors.map((d) => [d.code, d.edgeId])).toEqual([
      ['edge_dangling', 'e2'],
      ['edge_dangling', 'e3'],
    ]);
  });

  it('port_invalid for an unknown output, an unknown input, and any edge into a trigger', () => {
    const src = source(
      [trigger(), validation('n_v'), log('n_l'), trigger('n_t2')],
      [
        edge('e1', 'n_t', 'n_v'),
        edge('e2', 'n_v', 'n_l', { fromPort: 'out' }),
        edge('e3', 'n_v', 'n_l', { fromPort: 'pass', toPort: 'side' }),
        edge('e4', 'n_l', 'n_t2'),
      ],
    );
    const ports = errorsOf(src).filter((d) => d.code === 'port_invalid');
    expect(ports.map((d) => [d.edgeId, d.nodeId, d.path])).toEqual([
      ['e2', 'n_v', '/source/port'],
      ['e3', 'n_l', '/target/port'],
      ['e4', 'n_t2', '/target/port'],
    ]);
  });

  it('node_unreachable', () => {
    const src = source(
      [trigger(), log('n_l'), log('n_island'), log('n_island2')],
      [edge('e1', 'n_t', 'n_l'), edge('e2', 'n_island', 'n_island2')],
    );
    const errors = errorsOf(src);
    expect(errors.map((d) => [d.code, d.nodeId])).toEqual([
      ['node_unreachable', 'n_island'],
      ['node_unreachable', 'n_island2'],
    ]);
  });

  it('cycle, on the edge that closes the loop', () => {
    const src = source(
      [trigger(), mapping('n_a'), mapping('n_b'), log('n_l')],
      [
        edge('e1', 'n_t', 'n_a'),
        edge('e2', 'n_a', 'n_b'),
        edge('e3', 'n_b', 'n_a'),
        edge('e4', 'n_b', 'n_l'),
      ],
    );
    const { definition, diagnostics } = compile(src);
    expect(definition).toBeNull();
    expect(diagnostics.filter((d) => d.code === 'cycle').map((d) => [d.edgeId, d.nodeId])).toEqual([
      ['e3', 'n_a'],
    ]);
  });

  it('node_unconnected_output: a warning for a main output, info for outputs that may stay open', () => {
    const { definition, diagnostics } = compile(
      source(
        [trigger(), write('n_w'), mapping('n_m'), validation('n_v')],
        [edge('e1', 'n_t', 'n_w'), edge('e2', 'n_w', 'n_m', { fromPort: 'done' }), edge('e3', 'n_m', 'n_v')],
      ),
    );
    expect(definition).not.toBeNull();
    expect(diagnostics.map((d) => [d.code, d.severity, d.nodeId, d.path])).toEqual([
      ['node_unconnected_output', 'info', 'n_w', '/outputs/failed'],
      ['node_unconnected_output', 'warning', 'n_v', '/outputs/pass'],
      ['node_unconnected_output', 'info', 'n_v', '/outputs/reject'],
    ]);
  });

  it('raci_no_accountable for a row with zero or several Accountable (a warning only)', () => {
    const row = (id: string, accountable: string[]) => ({
      id,
      label: id,
      responsible: ['a'],
      accountable,
      consulted: [],
      informed: [],
    });
    const src = linearSource();
    src.edges[0] = edge('e1', 'n_t', 'n_m', {
      raci: {
        rows: [row('dataQuality', []), row('integrationLogic', ['x']), row('incidentResponse', ['x', 'y'])],
      },
    });
    const { definition, diagnostics } = compile(src);
    expect(definition).not.toBeNull();
    expect(
      diagnostics.filter((d) => d.code === 'raci_no_accountable').map((d) => [d.severity, d.edgeId, d.path]),
    ).toEqual([
      ['warning', 'e1', '/raci/rows/0/accountable'],
      ['warning', 'e1', '/raci/rows/2/accountable'],
    ]);
  });
});
