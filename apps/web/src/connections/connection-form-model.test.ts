import { describe, expect, it } from 'vitest';
import { initialState, toInput } from './connection-form-model';
import type { Connection } from './connections-api';

describe('connection form model', () => {
  it('turns the form into a PostgreSQL config and a write-only secret', () => {
    const form = {
      ...initialState(null),
      name: 'warehouse',
      database: 'dw',
      user: 'baton',
      password: 's3cret',
    };
    expect(toInput(form, false)).toEqual({
      kind: 'postgres',
      config: { host: '127.0.0.1', port: 5432, database: 'dw', user: 'baton', schema: 'public' },
      secret: { password: 's3cret' },
    });
  });

  it('keeps the stored secret when editing with a blank password or header', () => {
    const stored: Connection = {
      name: 'api',
      kind: 'http',
      config: { url: 'https://crm.example/orders', method: 'PUT', timeoutMs: 5000, maxAttempts: 3 },
      hasSecret: true,
      createdAt: '2026-03-15T00:00:00Z',
      updatedAt: '2026-03-15T00:00:00Z',
    };
    const form = initialState(stored);
    expect(form).toMatchObject({
      kind: 'http',
      url: 'https://crm.example/orders',
      method: 'PUT',
      authorization: '',
    });
    const input = toInput(form, true);
    expect(input).toEqual({
      kind: 'http',
      config: { url: 'https://crm.example/orders', method: 'PUT', timeoutMs: 5000, maxAttempts: 3 },
    });
    expect(toInput({ ...form, authorization: 'Bearer t' }, true).secret).toEqual({
      headers: { Authorization: 'Bearer t' },
    });
  });

  it('names only the file for an embedded SQLite connection', () => {
    expect(toInput({ ...initialState(null), kind: 'sqlite-embedded', file: 'crm.sqlite' }, false)).toEqual({
      kind: 'sqlite-embedded',
      config: { file: 'crm.sqlite' },
    });
  });

  it('names only the file for a JSON Lines connection', () => {
    expect(toInput({ ...initialState(null), kind: 'jsonl-file', file: 'orders.jsonl' }, false)).toEqual({
      kind: 'jsonl-file',
      config: { file: 'orders.jsonl' },
    });
  });
  it('adds a rate limit to any kind when its field is filled, and reads it back', () => {
    const form = {
      ...initialState(null),
      kind: 'jsonl-file' as const,
      file: 'out.jsonl',
      rateMax: '20',
      ratePerSeconds: '60',
    };
    const input = toInput(form, false);
    expect(input).toEqual({
      kind: 'jsonl-file',
      config: { file: 'out.jsonl', rateLimit: { max: 20, perSeconds: 60 } },
    });
    const stored: Connection = {
      name: 'out',
      kind: 'jsonl-file',
      config: input.config,
      hasSecret: false,
      createdAt: '2026-03-15T00:00:00Z',
      updatedAt: '2026-03-15T00:00:00Z',
    };
    expect(initialState(stored)).toMatchObject({ rateMax: '20', ratePerSeconds: '60' });
    expect(toInput({ ...initialState(stored), rateMax: '' }, true).config).toEqual({ file: 'out.jsonl' });
  });
});
