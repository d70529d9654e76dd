import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCsv } from '../src/routes/audit.js';
import { authHeaders, type Headers } from './support/auth.js';
import { startTestApp, type TestApp } from './test-app.js';

describe('the audit log: append-only, hash-chained, verifiable, exportable', () => {
  let t: TestApp;
  let admin: Headers;
  let analyst: Headers;
  let token = '';
  const file = () => join(t.config.dataDir, 'baton.sqlite');

  beforeAll(async () => {
    t = await startTestApp({}, {}, { as: null });
    admin = await authHeaders(t.app, 'admin');
    analyst = await authHeaders(t.app, 'analyst');
    for (const name of ['Alpha', 'Beta', '=HYPERLINK("http://evil")']) {
      await t.app.inject({ method: 'POST', url: '/api/flows', headers: analyst, payload: { name } });
    }
    token = (
      await t.app.inject({ method: 'POST', url: '/api/tokens', headers: admin, payload: { name: 'ci' } })
    ).json().token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('records who changed what, newest first, with filters and paging', async () => {
    const all = (await t.app.inject({ url: '/api/audit', headers: analyst })).json();
    expect(all.items.map((e: { action: string }) => e.action)).toEqual([
      'token.create',
      'flow.create',
      'flow.create',
      'flow.create',
    ]);
    expect(all.items[1]).toMatchObject({
      actor: 'test-analyst',
      targetKind: 'flow',
      targetId: expect.any(String),
      seq: 3,
    });
    const byActor = (await t.app.inject({ url: '/api/audit?actor=test-admin', headers: analyst })).json();
    expect(byActor.items).toHaveLength(1);
    const page1 = (await t.app.inject({ url: '/api/audit?limit=2', headers: analyst })).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (
      await t.app.inject({ url: `/api/audit?limit=2&cursor=${page1.nextCursor}`, headers: analyst })
    ).json();
    expect(page2.items.map((e: { seq: number }) => e.seq)).toEqual([2, 1]);
    expect(page2.nextCursor).toBeNull();
    expect(token).toMatch(/^bt_/);
    expect(JSON.stringify(all)).not.toContain(token);
  });

  it('exports CSV, defusing cells a spreadsheet would run as formulas', async () => {
    const res = await t.app.inject({ url: '/api/audit.csv', headers: analyst });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('baton-audit.csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'seq,at,actor,action,targetKind,targetId,beforeHash,afterHash,reason,details,prevHash,hash',
    );
    expect(lines).toHaveLength(5);
    const entry = (await t.app.inject({ url: '/api/audit?limit=1', headers: analyst })).json().items[0];
    expect(auditCsv([{ ...entry, reason: '=cmd|calc', details: {} }]).split('\r\n')[1]).toContain(
      ",'=cmd|calc,",
    );
  });

  it('verifies the chain', async () => {
    const res = await t.app.inject({ url: '/api/audit/verify', headers: analyst });
    expect(res.json()).toMatchObject({
      ok: true,
      entries: 4,
      brokenAt: null,
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('refuses updates and deletes through SQL', () => {
    const db = new Database(file());
    try {
      expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2").run()).toThrow(
        /append-only/,
      );
      expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('detects an edited entry, even one edited past the triggers', async () => {
    const db = new Database(file());
    try {
      db.exec('DROP TRIGGER audit_no_update');
      db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2").run();
    } finally {
      db.close();
    }
    const res = (await t.app.inject({ url: '/api/audit/verify', headers: analyst })).json();
    expect(res).toMatchObject({ ok: false, brokenAt: 2, problem: expect.stringContaining('hash') });
  });

  it('detects a deleted entry', async () => {
    const db = new Database(file());
    try {
      db.prepare("UPDATE audit_log SET actor = 'test-analyst' WHERE seq = 2").run(); // undo the edit
      db.exec('DROP TRIGGER audit_no_delete');
      db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    } finally {
      db.close();
    }
    const res = (await t.app.inject({ url: '/api/audit/verify', headers: analyst })).json();
    expect(res).toMatchObject({ ok: false, brokenAt: 4, problem: 'entry 3 is missing' });
  });
});
