import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { startTestApp, tempDir, type TestApp } from './test-app.js';

describe('health, OpenAPI and errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('publishes an OpenAPI 3 document covering every API route', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    // Other issues add routes of their own; these must be there (the access-table test checks every route).
    expect(Object.keys(doc.paths).sort()).toEqual(
      expect.arrayContaining([
        '/api/flows',
        '/api/flows/{id}',
        '/api/flows/{id}/draft',
        '/api/flows/{id}/compile',
        '/api/flows/{id}/test-run',
        '/api/flows/{id}/versions',
        '/api/flows/{id}/versions/{n}',
        '/api/flows/{id}/versions/{n}/publish',
        '/api/runs',
        '/api/runs/{id}',
        '/hooks/{flowId}',
        '/healthz',
        '/readyz',
        '/api/auth/login',
        '/api/me',
        '/api/tokens',
        '/api/users',
        '/api/flows/{id}/versions/{n}/approve',
        '/api/flows/{id}/versions/{n}/sign-off',
        '/api/flows/{id}/versions/{a}/diff/{b}',
        '/api/flows/{id}/rollback',
        '/api/audit',
        '/api/audit/verify',
      ]),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['FlowSource', 'Plan', 'RunSummary']),
    );
    const hook = doc.paths['/hooks/{flowId}'].post.responses;
    expect(Object.keys(hook).sort()).toEqual(
      expect.arrayContaining(['200', '400', '401', '404', '409', '413', '415', '422', '429', '502']),
    );
    expect(hook['422'].content['application/problem+json'].schema.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
    );
  });

  it('serves the docs page', async () => {
    const res = await t.app.inject('/api/docs');
    expect([200, 302]).toContain(res.statusCode);
    const page = res.statusCode === 302 ? await t.app.inject(res.headers.location as string) : res;
    expect(page.body).toContain('swagger');
  });

  it('answers unknown API routes with a problem+json 404', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing'],
      ['DELETE', '/api/flows'],
      ['POST', '/hooks'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'not_found',
        status: 404,
        type: 'https://baton.dev/problems/not_found',
      });
    }
  });

  it('answers an unexpected error with a 500 problem that leaks nothing', async () => {
    const fresh = await startTestApp({}, {}, { as: null });
    const headers = await authHeaders(fresh.app, 'admin');
    await fresh.app.store.close(); // the database is gone: a server fault, not the client's
    const res = await fresh.app.inject({ url: '/api/flows', headers });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'internal_error', status: 500 });
    expect(res.body).not.toMatch(/database|sqlite|stack/i);
    const ready = await fresh.app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'not_ready', checks: { database: 'failing' } });
    await fresh.close();
  });
});

describe('the web app on the same port', () => {
  it('serves files, falls back to index.html for client routes, and 404s API paths and missing assets', async () => {
    const webDir = tempDir('baton-web-');
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Baton app</title>');
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log("baton")');
    const t = await startTestApp({ webDir });
    try {
      const root = await t.app.inject('/');
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('Baton app');
      expect((await t.app.inject('/assets/app.js')).body).toContain('console.log');
      const deep = await t.app.inject('/flows/order-to-fulfillment/edit');
      expect(deep.statusCode).toBe(200);
      expect(deep.headers['content-type']).toContain('text/html');
      expect(deep.body).toContain('Baton app');
      expect((await t.app.inject('/assets/missing.js')).statusCode).toBe(404);
      const api = await t.app.inject('/api/unknown');
      expect(api.statusCode).toBe(404);
      expect(api.json().code).toBe('not_found');
    } finally {
      await t.close();
    }
  });

  it('says how to build the web app when there is no build', async () => {
    const t = await startTestApp();
    try {
      const res = await t.app.inject('/');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('pnpm build');
    } finally {
      await t.close();
    }
  });
});
