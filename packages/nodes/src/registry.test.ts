import { NODE_KINDS } from '@baton/schema';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { getKind, isNodeKind, kindsByName, nodeKinds } from './registry.js';

describe('node kind registry', () => {
  it('lists every schema kind once, in palette order, each under its own name', () => {
    expect(nodeKinds.map((k) => k.spec.kind)).toEqual([...NODE_KINDS]);
    for (const kind of NODE_KINDS) expect(kindsByName[kind].spec.kind).toBe(kind);
    expect(nodeKinds.map((k) => k.spec.palette.order)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives every kind but the trigger the input port `in`', () => {
    for (const { spec } of nodeKinds) {
      expect(spec.inputs.map((p) => p.id)).toEqual(spec.kind === 'trigger' ? [] : ['in']);
      expect(spec.outputs.length).toBeGreaterThan(0);
    }
  });

  it('has default configs that satisfy their schema (write deliberately asks for a table)', () => {
    for (const { spec } of nodeKinds) {
      const valid = Value.Check(spec.configSchema, spec.defaultConfig());
      expect(valid, spec.kind).toBe(spec.kind !== 'write');
    }
  });

  it('has one migration per version step', () => {
    for (const { spec } of nodeKinds) expect(spec.migrations).toHaveLength(spec.version - 1);
  });

  it('tells kinds from other strings', () => {
    expect(isNodeKind('mapping')).toBe(true);
    expect(isNodeKind('toString')).toBe(false);
    expect(getKind('log').spec.title).toBe('Log');
  });
});
