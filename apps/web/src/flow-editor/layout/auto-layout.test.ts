import { describe, expect, it } from 'vitest';
import { emptySource, type FlowSource } from '@baton/schema';
import { layoutPositions, needsLayout } from './auto-layout';
import { applyLayout } from '../commands/paste-commands';

const chain: FlowSource = {
  ...emptySource(),
  nodes: ['t', 'm', 'v', 'w', 'l', 'r'].map((id) => ({
    id: `n_${id}`,
    kind: 'log',
    kindVersion: 1,
    label: id,
    config: {},
  })),
  edges: [
    ['t', 'm'],
    ['m', 'v'],
    ['v', 'w'],
    ['w', 'l'],
    ['v', 'r'],
  ].map(([a, b]) => ({
    id: `e_${a}${b}`,
    source: { node: `n_${a}`, port: 'out' },
    target: { node: `n_${b}`, port: 'in' },
    contract: null,
    raci: null,
  })),
  layout: { nodes: {} },
};

describe('auto-layout', () => {
  it('lays a chain out left to right, on the grid, without overlaps', () => {
    const p = layoutPositions(chain, { grid: 10 });
    expect(Object.keys(p).sort()).toEqual(['n_l', 'n_m', 'n_r', 'n_t', 'n_v', 'n_w']);
    expect(p['n_t']!.x).toBeLessThan(p['n_m']!.x);
    expect(p['n_m']!.x).toBeLessThan(p['n_v']!.x);
    expect(p['n_v']!.x).toBeLessThan(p['n_w']!.x);
    expect(p['n_w']!.x).toBeLessThan(p['n_l']!.x);
    // The two branches after validation share a rank, one above the other.
    expect(p['n_w']!.x).toBe(p['n_r']!.x);
    expect(Math.abs(p['n_w']!.y - p['n_r']!.y)).toBeGreaterThanOrEqual(72);
    for (const { x, y } of Object.values(p)) {
      expect(x % 10).toBe(0);
      expect(y % 10).toBe(0);
    }
  });

  it('is deterministic and uses measured sizes', () => {
    expect(layoutPositions(chain)).toEqual(layoutPositions(chain));
    const wide = layoutPositions(chain, { sizes: { n_t: { width: 600, height: 72 } } });
    expect(wide['n_m']!.x - wide['n_t']!.x).toBeGreaterThanOrEqual(600);
  });

  it('is applied as one command that fills in missing positions', () => {
    expect(needsLayout(chain)).toBe(true);
    const next = applyLayout(chain, { positions: layoutPositions(chain) });
    expect(needsLayout(next)).toBe(false);
    expect(applyLayout(next, { positions: layoutPositions(next) })).toBe(next);
  });
});
