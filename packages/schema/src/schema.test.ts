import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { FlowSource, emptySource, canonicalJson } from './index.js';
import { renderSchemas } from './render-schemas.js';

describe('generated JSON Schemas', () => {
  it('match the TypeBox source (run `pnpm schema:generate` after changing a type)', () => {
    for (const [file, text] of Object.entries(renderSchemas())) {
      const onDisk = readFileSync(new URL(`../generated/${file}`, import.meta.url), 'utf8');
      expect(onDisk, `${file} drifted`).toBe(text);
    }
  });
});

describe('FlowSource', () => {
  it('accepts an empty source and refuses a node without an id', () => {
    expect(Value.Check(FlowSource, emptySource())).toBe(true);
    const bad = { ...emptySource(), nodes: [{ kind: 'trigger', kindVersion: 1, label: 'x', config: {} }] };
    expect(Value.Check(FlowSource, bad)).toBe(false);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"z":1}]},"b":1}',
    );
  });
});
