import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '@baton/schema';
import { kindSpec, newNodeOfKind, paletteKinds } from './kind-catalog';

describe('kind catalog', () => {
  it('offers every kind in the palette, in order', () => {
    expect(paletteKinds.map((s) => s.kind).sort()).toEqual([...NODE_KINDS].sort());
    const orders = paletteKinds.map((s) => s.palette.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('creates nodes with default config and unique labels', () => {
    const first = newNodeOfKind('mapping', 'n_1', []);
    expect(first).toMatchObject({
      id: 'n_1',
      kind: 'mapping',
      label: 'Mapping',
      kindVersion: kindSpec('mapping')?.version,
    });
    expect(first.config).toEqual(kindSpec('mapping')?.defaultConfig());
    expect(newNodeOfKind('mapping', 'n_2', [first]).label).toBe('Mapping 2');
  });
});
