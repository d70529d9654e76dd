import { describe, expect, it } from 'vitest';
import { emptySource, type FlowSource, type SourceEdge } from '@baton/schema';
import { copySelection, parseClipboard, remapPayload } from './clipboard';
import { pasteNodes } from '../commands/paste-commands';

const edge = (id: string, from: string, to: string): SourceEdge => ({
  id,
  source: { node: from, port: 'out' },
  target: { node: to, port: 'in' },
  contract: { fields: [], extraFields: 'drop' },
  raci: null,
});

const source: FlowSource = {
  ...emptySource(),
  nodes: [
    { id: 'n_a', kind: 'trigger', kindVersion: 1, label: 'Webhook', config: { mode: 'webhook' } },
    { id: 'n_b', kind: 'mapping', kindVersion: 1, label: 'Map', config: { fields: [] } },
    { id: 'n_c', kind: 'log', kindVersion: 1, label: 'Log', config: {} },
  ],
  edges: [edge('e_ab', 'n_a', 'n_b'), edge('e_bc', 'n_b', 'n_c')],
  layout: { nodes: { n_a: { x: 0, y: 0 }, n_b: { x: 280, y: 0 }, n_c: { x: 560, y: 0 } } },
};

function counter(prefix: string) {
  let i = 0;
  return () => `${prefix}${++i}`;
}

describe('copy and paste', () => {
  it('copies the chosen nodes with only the edges between them', () => {
    const payload = copySelection(source, ['n_a', 'n_b']);
    expect(payload?.nodes.map((n) => n.id)).toEqual(['n_a', 'n_b']);
    expect(payload?.edges.map((e) => e.id)).toEqual(['e_ab']);
    expect(payload?.positions).toEqual({ n_a: { x: 0, y: 0 }, n_b: { x: 280, y: 0 } });
    expect(copySelection(source, [])).toBeNull();
  });

  it('remaps node and edge ids, rewires the edges to the new ids and offsets positions', () => {
    const payload = copySelection(source, ['n_a', 'n_b', 'n_c'])!;
    const copy = remapPayload(payload, { node: counter('n_new'), edge: counter('e_new') }, { x: 40, y: 40 });
    expect(copy.nodes.map((n) => n.id)).toEqual(['n_new1', 'n_new2', 'n_new3']);
    expect(copy.edges).toEqual([
      expect.objectContaining({
        id: 'e_new1',
        source: { node: 'n_new1', port: 'out' },
        target: { node: 'n_new2', port: 'in' },
      }),
      expect.objectContaining({
        id: 'e_new2',
        source: { node: 'n_new2', port: 'out' },
        target: { node: 'n_new3', port: 'in' },
      }),
    ]);
    expect(copy.positions).toEqual({
      n_new1: { x: 40, y: 40 },
      n_new2: { x: 320, y: 40 },
      n_new3: { x: 600, y: 40 },
    });
    // The original is untouched (configs are deep copies, not shared objects).
    expect(copy.nodes[0]?.config).not.toBe(source.nodes[0]?.config);
    expect(payload.nodes[0]?.id).toBe('n_a');
  });

  it('pastes as one command: nodes with numbered labels, edges kept, positions set', () => {
    const copy = remapPayload(
      copySelection(source, ['n_a', 'n_b'])!,
      { node: counter('n_p'), edge: counter('e_p') },
      {
        x: 40,
        y: 40,
      },
    );
    const next = pasteNodes(source, { payload: copy });
    expect(next.nodes.map((n) => [n.id, n.label])).toEqual([
      ['n_a', 'Webhook'],
      ['n_b', 'Map'],
      ['n_c', 'Log'],
      ['n_p1', 'Webhook 2'],
      ['n_p2', 'Map 2'],
    ]);
    expect(next.edges.map((e) => e.id)).toEqual(['e_ab', 'e_bc', 'e_p1']);
    expect(next.layout.nodes['n_p2']).toEqual({ x: 320, y: 40 });
    // Pasting the same ids twice is a no-op, not an overwrite.
    expect(pasteNodes(next, { payload: copy })).toBe(next);
  });

  it('reads back only Baton clipboard text', () => {
    const payload = copySelection(source, ['n_a'])!;
    expect(parseClipboard(JSON.stringify(payload))).toEqual(payload);
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"format":"other"}')).toBeNull();
    expect(parseClipboard(JSON.stringify({ ...payload, nodes: [{ nope: 1 }] }))).toBeNull();
  });
});
