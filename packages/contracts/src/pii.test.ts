import { describe, expect, it } from 'vitest';
import { patternError } from './pattern.js';
import { maskRecord, piiFields } from './pii.js';

describe('piiFields and maskRecord', () => {
  it('lists pii fields in contract order, none for a null contract', () => {
    const contract = {
      fields: [
        { name: 'email', type: 'string' as const, required: false, classification: 'pii' as const },
        { name: 'id', type: 'string' as const, required: true, classification: 'internal' as const },
        { name: 'phone', type: 'string' as const, required: false, classification: 'pii' as const },
      ],
      extraFields: 'drop' as const,
    };
    expect(piiFields(contract)).toEqual(['email', 'phone']);
    expect(piiFields(null)).toEqual([]);
  });

  it('masks present fields, never adds absent ones, and leaves the input alone', () => {
    const record = { id: 'A', email: 'ada@example.com', note: null };
    expect(maskRecord(record, ['email', 'phone', 'note'])).toEqual({ id: 'A', email: '***', note: '***' });
    expect(record.email).toBe('ada@example.com');
  });
});

describe('patternError', () => {
  it('accepts what Ajv accepts and explains what it refuses, with the unicode flag', () => {
    expect(patternError('^\\s*SO-\\d{5}\\s*$')).toBeNull();
    expect(patternError('(')).toMatch(/Invalid regular expression/);
    // Valid without the u flag, refused with it (as Ajv compiles patterns).
    expect(new RegExp('\\-').test('-')).toBe(true);
    expect(patternError('\\-')).not.toBeNull();
  });
});
