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

  it('compiles 200 nodes quickly (budget generous enough for a loaded CI machine)', () => {
    const src = makeSyntheticSource(200);
    compile(src);
    const started = performance.now();
    for (let i = 0; i < 5; i++) compile(src);
    expect((performance.now() - started) / 5).toBeLessThan(250);
  });

  it('handles a 5 000-node chain without overflowing the stack', () => {
    expect(compile(makeSyntheticSource(5000)).definition?.nodes).toHaveLength(5000);
  });
});
