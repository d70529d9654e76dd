import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { failAuditAppends } from './support/audit-faults.js';
import { approveVersion, changeNote, exampleSource, startTestApp, type TestApp } from './test-app.js';

const DATABASE_URL = process.env['BATON_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

const backends: Array<{ name: string; overrides: () => Partial<Config>; cleanUp?: () => Promise<void> }> = [
  { name: 'SQLite', overrides: () => ({}) },
  (() => {
    const schema = `baton_a_${randomBytes(4).toString('hex')}`;
    return {
      name: 'PostgreSQL',
      overrides: () => ({ databaseUrl: DATABASE_URL, databaseSchema: schema }),
      cleanUp: () => dropSchema(schema),
    };
  })(),
];

for (const backend of backends) {
  describe(`${backend.name}: a change and its audit entry commit together or not at all`, () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp(backend.overrides());
    }, 60_000);
    afterAll(async () => {
      await t.close();
      await backend.cleanUp?.();
    }, 60_000);

    const verify = async () =>
      (await t.app.inject({ url: '/api/audit/verify' })).json<{ ok: boolean; entries: number }>();
    const actions = async () =>
      (await t.app.inject({ url: '/api/audit?limit=1000' }))
        .json<{ items: Array<{ action: string }> }>()
        .items.map((e) => e.action);

    /** Runs `request` with every audit append failing; answers the response. */
    const withFailingAudit = async <R>(request: () => Promise<R>): Promise<R> => {
      const restore = failAuditAppends(t.app);
      try {
        return await request();
      } finally {
        restore();
      }
    };

    const expectInternalError = (res: { statusCode: number; json: () => unknown }) => {
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ status: 500, code: 'internal_error' });
    };

    it('creates no flow when its entry cannot be appended, and does once it can', async () => {
      const before = await verify();
      const res = await withFailingAudit(() =>
        t.app.inject({ method: 'POST', url: '/api/flows', payload: { id: 'ghost', name: 'Ghost' } }),
      );
      expectInternalError(res);
      expect((await t.app.inject({ url: '/api/flows/ghost' })).statusCode).toBe(404);
      expect(await verify()).toMatchObject({ ok: true, entries: before.entries });

      const retry = await t.app.inject({
        method: 'POST',
        url: '/api/flows',
        payload: { id: 'ghost', name: 'Ghost' },
      });
      expect(retry.statusCode).toBe(201);
      expect(await verify()).toMatchObject({ ok: true, entries: before.entries + 1 });
      expect((await actions())[0]).toBe('flow.create');
    });

    it('keeps the draft, tokens and users as they were when the entry fails', async () => {
      const draftBefore = (await t.app.inject({ url: '/api/flows/ghost/draft' })).json();
      const before = await verify();

      const saved = await withFailingAudit(() =>
        t.app.inject({ method: 'PUT', url: '/api/flows/ghost/draft', payload: exampleSource() }),
      );
      expectInternalError(saved);
      expect((await t.app.inject({ url: '/api/flows/ghost/draft' })).json()).toEqual(draftBefore);

      const tokensBefore = (await t.app.inject({ url: '/api/tokens' })).json().items;
      const token = await withFailingAudit(() =>
        t.app.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'orphan' } }),
      );
      expectInternalError(token);
      expect((await t.app.inject({ url: '/api/tokens' })).json().items).toEqual(tokensBefore);

      const created = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'victim', role: 'analyst', password: 'correct horse battery staple' },
      });
      expect(created.statusCode).toBe(201);
      const disable = await withFailingAudit(() =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/users/${created.json().id}`,
          payload: { disabled: true },
        }),
      );
      expectInternalError(disable);
      const users = (await t.app.inject({ url: '/api/users' })).json().items;
      expect(users.find((u: { username: string }) => u.username === 'victim')).toMatchObject({
        disabled: false,
      });

      // Only the user creation that succeeded was recorded; the chain is whole.
      expect(await verify()).toMatchObject({ ok: true, entries: before.entries + 1 });
      expect((await actions())[0]).toBe('user.create');
    });

    it('does not publish a version whose publish entry fails', async () => {
      await t.app.inject({ method: 'PUT', url: '/api/flows/ghost/draft', payload: exampleSource() });
      const submitted = await t.app.inject({
        method: 'POST',
        url: '/api/flows/ghost/versions',
        payload: { changeNote },
      });
      expect(submitted.statusCode).toBe(201);
      const n = submitted.json().version as number;
      await approveVersion(t.app, 'ghost', n);

      const publish = await withFailingAudit(() =>
        t.app.inject({ method: 'POST', url: `/api/flows/ghost/versions/${n}/publish` }),
      );
      expectInternalError(publish);
      expect((await t.app.inject({ url: `/api/flows/ghost/versions/${n}` })).json()).toMatchObject({
        state: 'approved',
      });
      expect(await actions()).not.toContain('version.publish');

      const again = await t.app.inject({ method: 'POST', url: `/api/flows/ghost/versions/${n}/publish` });
      expect(again.statusCode).toBe(200);
      expect((await actions())[0]).toBe('version.publish');
      expect(await verify()).toMatchObject({ ok: true, brokenAt: null });
    });
  });
}
