import { describe, expect, it } from 'vitest';
import { verifyAuditChain, type NewAuditEntry } from '../src/audit.js';
import { StoreConflictError, StoreStateError } from '../src/errors.js';
import type { Store } from '../src/store.js';
import type { TestBackend } from './backends.js';
import { at, changeNote, samplePlan, sampleSource } from './fixtures.js';

export const user = (username: string, role: 'admin' | 'owner' = 'admin') => ({
  id: `u_${username}`,
  username,
  displayName: username,
  role,
  ownerId: role === 'owner' ? 'crm-admin' : null,
  passwordHash: 'scrypt$hash',
  now: at(0),
});

export const auditEntry = (action: string): NewAuditEntry => ({
  at: at(0),
  actor: 'ana',
  action,
  targetKind: 'flow',
  targetId: 'f',
  beforeHash: null,
  afterHash: null,
  reason: null,
  details: { n: action.length },
});

/** One entry appended in a transaction of its own (the store offers `append` only inside one). */
export const appendAudit = (store: Store, action: string) =>
  store.transaction((tx) => tx.audit.append(auditEntry(action)));

/** Users, the review gate and the audit chain: the same behaviour on every backend. */
export function describeGovernanceContract(backend: TestBackend): void {
  describe(`${backend.name}: users, sessions and API tokens`, () => {
    it('creates users with unique (case-insensitive) names and never lists their hash', async () => {
      const store = await backend.open();
      const ada = await store.auth.createUser(user('ada'));
      expect(ada).toEqual({
        id: 'u_ada',
        username: 'ada',
        displayName: 'ada',
        role: 'admin',
        ownerId: null,
        disabled: false,
        createdAt: at(0),
      });
      await expect(store.auth.createUser({ ...user('ADA'), id: 'u_other' })).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect(JSON.stringify(await store.auth.listUsers())).not.toContain('scrypt');
      expect((await store.auth.userForLogin('ada'))?.passwordHash).toBe('scrypt$hash');
      expect(await store.auth.updateUser('u_ada', { role: 'viewer', disabled: true })).toMatchObject({
        role: 'viewer',
        disabled: true,
      });
      expect(await store.auth.countUsers()).toBe(1);
      await store.close();
    });

    it('finds live sessions only, and tokens until they are revoked', async () => {
      const store = await backend.open();
      await store.auth.createUser(user('bo'));
      await store.auth.createSession({
        tokenHash: 'h1',
        userId: 'u_bo',
        csrfToken: 'c',
        createdAt: at(0),
        expiresAt: at(60),
      });
      expect((await store.auth.sessionByHash('h1', at(30)))?.user.username).toBe('bo');
      expect(await store.auth.sessionByHash('h1', at(61))).toBeNull();
      await store.auth.deleteSessionsOf('u_bo');
      expect(await store.auth.sessionByHash('h1', at(30))).toBeNull();

      await store.auth.createToken({
        id: 't1',
        userId: 'u_bo',
        name: 'ci',
        prefix: 'bt_abc',
        tokenHash: 'th',
        now: at(0),
      });
      expect((await store.auth.useToken('th', at(5)))?.token).toMatchObject({ id: 't1', lastUsedAt: at(5) });
      expect(await store.auth.revokeToken('u_other', 't1', at(6))).toBe(false);
      expect(await store.auth.revokeToken('u_bo', 't1', at(6))).toBe(true);
      expect(await store.auth.useToken('th', at(7))).toBeNull();
      await store.close();
    });
  });

  describe(`${backend.name}: the review gate on versions`, () => {
    it('moves a version only from the states a transition allows, and keeps the submission immutable', async () => {
      const store = await backend.open();
      await store.flows.create({ id: 'f', name: 'F', description: '', draft: sampleSource(), now: at(0) });
      await store.versions.create({
        flowId: 'f',
        source: sampleSource(),
        definition: samplePlan('h1'),
        changeNote,
        now: at(1),
        author: 'ana',
        requiredSignOffs: [{ ownerId: 'crm-admin', fields: ['order_id'] }],
      });
      await expect(store.versions.publish('f', 1, at(2), { from: ['approved'] })).rejects.toBeInstanceOf(
        StoreStateError,
      );
      const approved = await store.versions.review('f', 1, {
        from: ['in_review'],
        to: 'approved',
        patch: { approvedBy: 'root', approvedAt: at(3) },
      });
      expect(approved).toMatchObject({
        state: 'approved',
        author: 'ana',
        approvedBy: 'root',
        requiredSignOffs: [{ ownerId: 'crm-admin' }],
      });
      await expect(
        store.versions.review('f', 1, { from: ['in_review'], to: 'approved', patch: {} }),
      ).rejects.toThrow(/is approved/);
      expect(
        (await store.versions.publish('f', 1, at(4), { from: ['approved'], by: 'root' })).published,
      ).toMatchObject({ state: 'published', publishedBy: 'root' });
      await store.close();
    });
  });

  describe(`${backend.name}: the audit log`, () => {
    it('chains every entry to the one before, and verification finds an edit', async () => {
      const store = await backend.open();
      const [a, b, c] = [
        await appendAudit(store, 'one'),
        await appendAudit(store, 'two'),
        await appendAudit(store, 'three'),
      ];
      expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
      expect(b.prevHash).toBe(a.hash);
      expect(verifyAuditChain(await store.audit.all())).toMatchObject({ ok: true, entries: 3 });
      expect((await store.audit.list({ action: 'two' })).map((e) => e.seq)).toEqual([2]);
      // Appends inside a unit of work commit or roll back with it.
      await expect(
        store.transaction(async (tx) => {
          await tx.audit.append(auditEntry('doomed'));
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await store.audit.all()).toHaveLength(3);
      await store.close();
    });

    it('commits a change with its entry or neither, and the chain verifies either way', async () => {
      const store = await backend.open();
      await appendAudit(store, 'first');
      const flow = (id: string) => ({ id, name: id, description: '', draft: sampleSource(), now: at(1) });
      // A crash after the append (or a failing append) rolls back the change and the entry together.
      await expect(
        store.transaction(async (tx) => {
          await tx.flows.create(flow('doomed'));
          await tx.auth.createUser(user('doomed'));
          await tx.audit.append(auditEntry('flow.create'));
          throw new Error('crash after the append');
        }),
      ).rejects.toThrow('crash after the append');
      expect(await store.flows.get('doomed')).toBeNull();
      expect(await store.auth.userForLogin('doomed')).toBeNull();
      expect((await store.audit.all()).map((e) => e.action)).toEqual(['first']);

      // The next entry links to the last committed one, not to the one rolled back.
      const kept = await store.transaction(async (tx) => {
        await tx.flows.create(flow('kept'));
        return tx.audit.append(auditEntry('flow.create'));
      });
      expect(kept.seq).toBe(2);
      expect(await store.flows.get('kept')).not.toBeNull();
      await store.close();

      // And so it reads after a restart.
      const reopened = await backend.reopen(store);
      const entries = await reopened.audit.all();
      expect(verifyAuditChain(entries)).toMatchObject({ ok: true, entries: 2 });
      expect(entries[1]).toMatchObject({ seq: 2, prevHash: entries[0]!.hash, hash: kept.hash });
      await reopened.close();
    });
  });
}
