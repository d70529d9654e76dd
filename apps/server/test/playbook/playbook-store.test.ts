import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@baton/store';
import { tempDir } from '../test-app.js';

const dir = tempDir('baton-playbook-store-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('playbook store (SQLite)', () => {
  it('migrates an old file to migration 11 and keeps its data', async () => {
    const file = join(dir, 'old.sqlite');
    const old = await openSqliteStore({ file, migrateTo: 10 });
    await old.flows.create({
      id: 'kept',
      name: 'Kept',
      description: '',
      draft: { schemaVersion: 1, nodes: [], edges: [], layout: { nodes: {} }, meta: {} },
      now: '2026-11-01T00:00:00.000Z',
    });
    await old.close();
    const store = await openSqliteStore({ file });
    try {
      expect(store.migration.appliedNow).toContain(11);
      expect(await store.flows.get('kept')).not.toBeNull();
      const saved = await store.playbook.saveRunbook('kept', '# one', 'me', '2026-11-02T00:00:00.000Z');
      expect(saved.revision).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('numbers revisions per flow and refuses a score outside 1–5', async () => {
    const store = await openSqliteStore({ file: join(dir, 'fresh.sqlite') });
    try {
      const draft = { schemaVersion: 1 as const, nodes: [], edges: [], layout: { nodes: {} }, meta: {} };
      for (const id of ['a', 'b'])
        await store.flows.create({ id, name: id, description: '', draft, now: '2026-11-01T00:00:00.000Z' });
      await store.playbook.saveRunbook('a', 'a1', null, '2026-11-01T01:00:00.000Z');
      await store.playbook.saveRunbook('a', 'a2', null, '2026-11-01T02:00:00.000Z');
      const b1 = await store.playbook.saveRunbook('b', 'b1', null, '2026-11-01T03:00:00.000Z');
      expect(b1.revision).toBe(1);
      expect((await store.playbook.runbookRevisions('a')).map((r) => r.revision)).toEqual([2, 1]);
      await expect(
        store.playbook.createRisk(
          {
            id: 'r1',
            flowId: 'a',
            risk: 'x',
            likelihood: 6,
            impact: 1,
            mitigation: '',
            ownerId: null,
            status: 'open',
          },
          '2026-11-01T00:00:00.000Z',
        ),
      ).rejects.toThrow(/CHECK/);
      // A retrospective whose item breaks a CHECK leaves nothing behind.
      await expect(
        store.playbook.createRetrospective(
          {
            id: 'retro1',
            flowId: 'a',
            wentWell: '',
            wentBadly: '',
            author: null,
            items: [
              { id: 'i1', title: 'fine', frequency: 2, impact: 2 },
              { id: 'i2', title: 'bad', frequency: 9, impact: 2 },
            ],
          },
          '2026-11-01T00:00:00.000Z',
        ),
      ).rejects.toThrow(/CHECK/);
      expect(await store.playbook.listRetrospectives('a')).toEqual([]);
      expect(await store.playbook.listBacklog('a')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
