import { describe, expect, it } from 'vitest';
import { emptySource } from '@baton/schema';
import { parseSource } from './json-view';

describe('parseSource', () => {
  it('accepts a flow source and explains what is wrong otherwise', () => {
    expect(parseSource(JSON.stringify(emptySource()))).toEqual({ source: emptySource() });
    expect(parseSource('{')).toHaveProperty('error');
    expect(parseSource('[]')).toEqual({ error: 'The draft must be a JSON object' });
    expect(parseSource(JSON.stringify({ ...emptySource(), schemaVersion: 2 }))).toEqual({
      error: 'schemaVersion must be 1',
    });
    expect(parseSource(JSON.stringify({ ...emptySource(), nodes: {} }))).toEqual({
      error: 'nodes and edges must be arrays',
    });
  });
});
