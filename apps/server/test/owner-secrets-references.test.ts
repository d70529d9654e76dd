import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleSource, publishFlow, startTestApp, type TestApp } from './test-app.js';

/** The database file and its WAL, as bytes on disk: what a stolen backup would hold. */
function rawDatabase(dataDir: string): string {
  const file = join(dataDir, 'baton.sqlite');
  return [file, `${file}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');
}

function storedSecret(dataDir: string, ownerId: string): string | null {
  const db = new Database(join(dataDir, 'baton.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT webhook_secret FROM owners WHERE id = ?').get(ownerId) as {
      webhook_secret: string | null;
    };
    return row.webhook_secret;
  } finally {
    db.close();
  }
}

/** A local receiver on 127.0.0.1 that keeps every request and answers 200. */
async function receiver() {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const verifies = (secret: string, headers: IncomingHttpHeaders, body: string) => {
  const [t, v1] = String(headers['x-baton-signature']).split(',');
  const ts = t!.slice(2);
  return v1 === `v1=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;
};

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('owner webhook secrets at rest', () => {
  it('seals new secrets: the raw database file never holds them, deliveries are still signed', async () => {
    const hook = await receiver();
    t = await startTestApp({}, { notifications: { intervalMs: 0 } });
    const secret = 'plain-owner-secret-7f3a91';
    const patchedSecret = 'patched-owner-secret-c0ffee';
    await t.app.inject({
      method: 'POST',
      url: '/api/owners',
      payload: { id: 'qa-team', name: 'QA', kind: 'team', webhookUrl: hook.url, webhookSecret: secret },
    });
    await t.app.inject({
      method: 'PATCH',
      url: '/api/owners/ops-lead',
      payload: { webhookUrl: hook.url, webhookSecret: patchedSecret },
    });
    expect(storedSecret(t.config.dataDir, 'qa-team')).toMatch(/^v1\./);
    await t.app.store.notifications.addDeliveries([
      {
        id: 'dlv_sealed',
        ownerId: 'qa-team',
        url: hook.url,
        body: { type: 'baton.test' },
        state: 'pending',
        attempts: 0,
        nextAttemptAt: '2000-01-01T00:00:00.000Z',
        lastError: null,
        createdAt: '2000-01-01T00:00:00.000Z',
      },
    ]);
    expect(await t.app.notifier.deliver()).toBe(1);
    expect(verifies(secret, hook.received[0]!.headers, hook.received[0]!.body)).toBe(true);
    const dataDir = t.config.dataDir;
    await t.close({ keepData: true });
    t = null;
    const raw = rawDatabase(dataDir);
    expect(raw).toContain('qa-team');
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain(patchedSecret);
    await hook.close();
  });

  it('seals plaintext rows written before sealing at start-up, and they keep signing', async () => {
    const hook = await receiver();
    t = await startTestApp({}, { notifications: { intervalMs: 0 } });
    const { dataDir } = t.config;
    await t.close({ keepData: true });
    // A row as the owners migration (id 5) left it: secret in plaintext.
    const db = new Database(join(dataDir, 'baton.sqlite'));
    db.prepare('UPDATE owners SET webhook_url = ?, webhook_secret = ? WHERE id = ?').run(
      hook.url,
      'legacy-plain-secret',
      'crm-admin',
    );
    db.close();
    t = await startTestApp({ dataDir }, { notifications: { intervalMs: 0 } });
    expect(storedSecret(dataDir, 'crm-admin')).toMatch(/^v1\./);
    expect((await t.app.inject({ method: 'GET', url: '/api/owners/crm-admin' })).json()).toMatchObject({
      hasWebhookSecret: true,
    });
    await t.app.store.notifications.addDeliveries([
      {
        id: 'dlv_legacy',
        ownerId: 'crm-admin',
        url: hook.url,
        body: { type: 'baton.test' },
        state: 'pending',
        attempts: 0,
        nextAttemptAt: '2000-01-01T00:00:00.000Z',
        lastError: null,
        createdAt: '2000-01-01T00:00:00.000Z',
      },
    ]);
    expect(await t.app.notifier.deliver()).toBe(1);
    expect(verifies('legacy-plain-secret', hook.received[0]!.headers, hook.received[0]!.body)).toBe(true);
    await hook.close();
  });
});

describe('deleting an owner that is still referenced', () => {
  it('answers 409 owner_in_use naming flow, edge and field or RACI cell', async () => {
    t = await startTestApp({}, { notifications: { intervalMs: 0 } });
    await publishFlow(t.app, 'orders-owned', exampleSource());
    const res = await t.app.inject({ method: 'DELETE', url: '/api/owners/integration-team' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'owner_in_use']);
    const refs = res.json().references as Array<Record<string, string | null>>;
    expect(refs).toContainEqual(
      expect.objectContaining({
        flowId: 'orders-owned',
        in: 'draft',
        where: 'raci:integrationLogic.responsible',
      }),
    );
    expect(refs).toContainEqual(
      expect.objectContaining({
        flowId: 'orders-owned',
        in: 'v1',
        where: 'raci:integrationLogic.responsible',
      }),
    );
    expect(refs).toContainEqual({ flowId: null, in: null, edgeId: null, where: 'lookup:connectivity' });
    expect(res.json().detail).toContain('orders-owned');
    const fieldOwner = await t.app.inject({ method: 'DELETE', url: '/api/owners/crm-admin' });
    expect(fieldOwner.json().references).toContainEqual(
      expect.objectContaining({ flowId: 'orders-owned', where: 'field:email' }),
    );
    // Still there: nothing was deleted.
    expect((await t.app.inject({ method: 'GET', url: '/api/owners/integration-team' })).statusCode).toBe(200);
  });

  it('deletes an owner nothing references', async () => {
    t = await startTestApp({}, { notifications: { intervalMs: 0 } });
    await t.app.inject({ method: 'POST', url: '/api/owners', payload: { id: 'loner', name: 'Loner' } });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/owners/loner' })).statusCode).toBe(204);
  });
});
