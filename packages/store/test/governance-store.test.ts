import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit.js';
import { openSqliteStore } from '../src/sqlite/sqlite-store.js';
import { sqliteBackend } from './backends.js';
import { at, changeNote, samplePlan, sampleSource } from './fixtures.js';
import { appendAudit, describeGovernanceContract } from './governance-contract.js';

const root = mkdtempSync(join(tmpdir(), 'baton-store-gov-'));
let counter = 0;
const freshFile = () => join(root, `db-${++counter}`, 'baton.sqlite');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeGovernanceContract(sqliteBackend());

describe('SQLite: the review gate on versions', () => {
  it('keeps the submission immutable in the file itself', async () => {
    const file = freshFile();
    const store = await openSqliteStore({ file });
    await store.flows.create({ id: 'f', name: 'F', description: '', draft: sampleSource(), now: at(0) });
    await store.versions.create({
      flowId: 'f',
      source: sampleSource(),
      definition: samplePlan('h1'),
      changeNote,
      now: at(1),
      author: 'ana',
    });
    await store.close();
    const db = new Database(file);
    try {
      expect(() => db.prepare("UPDATE versions SET author = 'mallory'").run()).toThrow(/immutable/);
    } finally {
      db.close();
    }
  });
});

describe('SQLite: the audit log', () => {
  it('verification finds an entry edited in the file', async () => {
    const file = freshFile();
    const store = await openSqliteStore({ file });
    for (const action of ['one', 'two', 'three']) await appendAudit(store, action);
    await store.close();

    const db = new Database(file);
    try {
      db.exec('DROP TRIGGER audit_no_update');
      db.prepare(`UPDATE audit_log SET details = '{"n":99}' WHERE seq = 2`).run();
    } finally {
      db.close();
    }
    const reopened = await openSqliteStore({ file });
    expect(verifyAuditChain(await reopened.audit.all())).toMatchObject({ ok: false, brokenAt: 2 });
    await reopened.close();
  });

  it('migrates an old file: existing versions get empty review fields', async () => {
    const file = freshFile();
    const old = await openSqliteStore({ file, migrateTo: 2 });
    await old.flows.create({ id: 'f', name: 'F', description: '', draft: sampleSource(), now: at(0) });
    await old.close();
    // A version as Baton before migration 3 wrote it (today's code writes the review columns).
    const db = new Database(file);
    try {
      db.prepare(
        `INSERT INTO versions (flow_id, version, state, source, definition, content_hash, change_note, created_at)
         VALUES ('f', 1, 'published', ?, ?, 'h1', ?, ?)`,
      ).run(
        JSON.stringify(sampleSource()),
        JSON.stringify(samplePlan('h1')),
        JSON.stringify(changeNote),
        at(1),
      );
    } finally {
      db.close();
    }
    const store = await openSqliteStore({ file });
    expect(store.migration.appliedNow).toContain(3);
    expect((await store.versions.get('f', 1))!).toMatchObject({
      author: null,
      requiredSignOffs: [],
      signOffs: [],
      approvedBy: null,
    });
    await store.close();
  });
});
