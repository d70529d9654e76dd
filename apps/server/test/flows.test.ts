import { emptySource } from '@baton/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSourceWritingTo, startTestApp, type TestApp } from './test-app.js';

describe('flows and drafts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/flows', () => {
    it('creates a flow with an empty draft, its id derived from the name', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/flows',
        payload: { name: 'Tickets → Billing (EU)', description: 'support hand-off' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers.location).toBe('/api/flows/tickets-billing-eu');
      expect(res.json()).toEqual({
        id: 'tickets-billing-eu',
        name: 'Tickets → Billing (EU)',
        description: 'support hand-off',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        publishedVersion: null,
        latestVersion: null,
        runCount: 0,
      });
      expect((await t.app.inject('/api/flows/tickets-billing-eu/draft')).json()).toEqual(emptySource());
    });

    it('takes an explicit id', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/flows',
        payload: { id: 'intake-2', name: 'Intake' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().id).toBe('intake-2');
    });

    it('falls back to a generated id when the name gives none', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/flows', payload: { name: '日本' } });
      expect(res.statusCode).toBe(201);
      expect(res.json().id).toMatch(/^flow-[0-9a-f]{8}$/);
    });

    it('answers 409 flow_exists for a taken id', async () => {
      await t.app.inject({ method: 'POST', url: '/api/flows', payload: { id: 'taken', name: 'A' } });
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/flows',
        payload: { id: 'taken', name: 'B' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'flow_exists', status: 409, title: 'Flow exists' });
    });

    it.each([[{ name: '' }], [{ id: 'Bad_Id', name: 'x' }], [{ id: 'x', name: 'too short an id' }], [{}]])(
      'answers 400 validation_failed for %j',
      async (payload) => {
        const res = await t.app.inject({ method: 'POST', url: '/api/flows', payload });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'validation_failed', errors: expect.any(Array) });
      },
    );
  });

  describe('GET /api/flows and /api/flows/:id', () => {
    it('lists flows in { items }', async () => {
      const res = await t.app.inject('/api/flows');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((f: { id: string }) => f.id)).toContain('taken');
    });

    it('reads a flow with its versions', async () => {
      const res = await t.app.inject('/api/flows/taken');
      expect(res.json()).toMatchObject({ id: 'taken', name: 'A', versions: [] });
    });

    it('answers 404 flow_not_found', async () => {
      const res = await t.app.inject('/api/flows/nope');
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('flow_not_found');
    });
  });

  describe('draft', () => {
    it('saves a draft exactly as sent and answers its diagnostics', async () => {
      const source = exampleSourceWritingTo('draft_orders');
      const res = await t.app.inject({ method: 'PUT', url: '/api/flows/taken/draft', payload: source });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ savedAt: expect.any(String), diagnostics: expect.any(Array) });
      expect((await t.app.inject('/api/flows/taken/draft')).json()).toEqual(source);
    });

    it('answers diagnostics for a draft that does not compile, and still saves it', async () => {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/flows/intake-2/draft',
        payload: emptySource(),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().diagnostics).toContainEqual(
        expect.objectContaining({ code: 'no_trigger', severity: 'error' }),
      );
    });

    it.each([
      ['a wrong schemaVersion', { ...emptySource(), schemaVersion: 2 }],
      ['an unknown member', { ...emptySource(), extra: true }],
      ['a string where a number belongs', { ...emptySource(), layout: { nodes: { n1: { x: '1', y: 2 } } } }],
      [
        'an unknown node kind',
        { ...emptySource(), nodes: [{ id: 'n1', kind: 'email', kindVersion: 1, label: '', config: {} }] },
      ],
      ['an array', []],
    ])('answers 400 invalid_source for %s, saving nothing', async (_what, payload) => {
      const before = (await t.app.inject('/api/flows/taken/draft')).json();
      const res = await t.app.inject({ method: 'PUT', url: '/api/flows/taken/draft', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'invalid_source',
        errors: [expect.objectContaining({ path: expect.any(String) })],
      });
      expect((await t.app.inject('/api/flows/taken/draft')).json()).toEqual(before);
    });

    it('answers 404 flow_not_found for an unknown flow', async () => {
      expect((await t.app.inject('/api/flows/nope/draft')).json().code).toBe('flow_not_found');
      const put = await t.app.inject({ method: 'PUT', url: '/api/flows/nope/draft', payload: emptySource() });
      expect(put.statusCode).toBe(404);
      expect(put.json().code).toBe('flow_not_found');
    });
  });

  describe('compile and test-run', () => {
    it('compiles the draft', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/flows/taken/compile' });
      expect(res.statusCode).toBe(200);
      expect(res.json().definition).toMatchObject({ entry: 'n_trigger', contentHash: expect.any(String) });
    });

    it('answers a null definition with diagnostics for a broken draft', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/flows/intake-2/compile' });
      expect(res.json()).toMatchObject({
        definition: null,
        diagnostics: [expect.objectContaining({ code: 'no_trigger' })],
      });
    });

    it('test-runs the draft: a full trace, nothing written, no run recorded', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/flows/taken/test-run',
        payload: {
          record: {
            order_id: 'SO-12345',
            account_number: 'ab-123456',
            customer_tier: 'x',
            order_date: '2026-03-01',
            total: 5,
          },
        },
      });
      expect(res.statusCode).toBe(200);
      const trace = res.json();
      expect(trace).toMatchObject({
        status: 'flagged',
        recordKey: 'SO-12345',
        diagnostics: expect.any(Array),
      });
      const write = trace.steps.find((s: { kind: string }) => s.kind === 'write');
      expect(write.write).toEqual({
        target: 'downstream.draft_orders',
        key: { order_id: 'SO-12345' },
        action: 'inserted',
        dryRun: true,
      });
      expect((await t.app.inject('/api/runs?flowId=taken')).json().items).toEqual([]);
    });

    it('answers 422 draft_invalid with diagnostics when the draft does not compile', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/flows/intake-2/test-run',
        payload: { record: {} },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'draft_invalid',
        diagnostics: [expect.objectContaining({ code: 'no_trigger' })],
      });
    });

    it('answers 400 validation_failed without a record, 404 for an unknown flow', async () => {
      const missing = await t.app.inject({ method: 'POST', url: '/api/flows/taken/test-run', payload: {} });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().code).toBe('validation_failed');
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/flows/nope/test-run',
        payload: { record: {} },
      });
      expect(unknown.json().code).toBe('flow_not_found');
      const compile = await t.app.inject({ method: 'POST', url: '/api/flows/nope/compile' });
      expect(compile.statusCode).toBe(404);
    });
  });
});
