import { describe, expect, it } from 'vitest';
import { compile, makeSyntheticSource } from '../src/index.js';

describe('makeSyntheticSource', () => {
  it('builds an n-node chain that compiles without errors', () => {
    const src = makeSyntheticSource(200);
    expect(src.nodes).toHaveLength(200);
    expect(src.edges).toHaveLength(199);
    const { definition, diagnostics } = compile(src);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(definition?.nodes.map((n) => n.id)).toEqual(src.nodes.map((n) => n.id));
    expect(definition?.recordKey).toEqual(['id']);
  });

  // Speed is measured by the canvas benchmark (`pnpm bench:canvas`), not asserted here.
  it('compiles 200 nodes to a 200-node plan', () => {
    expect(compile(makeSyntheticSource(200)).definition?.nodes).toHaveLength(200);
  });

  it('handles a 5 000-node chain without overflowing the stack', () => {
    expect(compile(makeSyntheticSource(5000)).definition?.nodes).toHaveLength(5000);
  }, 60_000);
});
