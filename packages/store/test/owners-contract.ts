import { describe, expect, it } from 'vitest';
import type { NewInboxItem } from '../src/notifications.js';
import type { TestBackend } from './backends.js';

const now = '2026-03-15T09:30:00.000Z';

function item(id: string, overrides: Partial<NewInboxItem> = {}): NewInboxItem {
  return {
    id,
    ownerId: 'crm-admin',
    kind: 'follow_up',
    runId: 'run_1',
    flowId: 'f1',
    edgeId: 'e_crm',
    nodeId: 'n_map',
    field: 'email',
    rule: 'format',
    message: 'email must be an e-mail address',
    record: { email: '***' },
    createdAt: now,
    ...overrides,
  };
}

/** The owners directory, the inbox and webhook deliveries: the same on every backend. */
export function describeOwnersContract(backend: TestBackend): void {
  describe(`owners directory (${backend.name})`, () => {
    it('is seeded with the example owners and lookup', async () => {
      const store = await backend.open();
      expect((await store.owners.list()).map((o) => o.id)).toEqual([
        'crm-admin',
        'integration-team',
        'ops-lead',
      ]);
      expect(await store.owners.lookup()).toContainEqual({ category: 'dataQuality', ownerId: 'crm-admin' });
      await store.close();
    });

    it('creates, refuses a taken id, updates, deletes with its lookup entries, across a reopen', async () => {
      const store = await backend.open();
      const owner = {
        id: 'qa',
        name: 'QA',
        kind: 'team' as const,
        email: null,
        webhookUrl: 'http://127.0.0.1:1/x',
        webhookSecret: 's',
      };
      expect(await store.owners.create(owner, now)).toBe(true);
      expect(await store.owners.create(owner, now)).toBe(false);
      await store.owners.setLookup('connectivity', 'qa');
      expect((await store.owners.update('qa', { name: 'Quality' }, now))?.name).toBe('Quality');
      expect(await store.owners.update('nobody', { name: 'x' }, now)).toBeNull();
      await store.close();
      const again = await backend.reopen(store);
      expect((await again.owners.get('qa'))?.webhookSecret).toBe('s');
      expect(await again.owners.delete('qa')).toBe(true);
      expect(await again.owners.delete('qa')).toBe(false);
      expect((await again.owners.lookup()).find((e) => e.category === 'connectivity')).toBeUndefined();
      await again.close();
    });
  });

  describe(`inbox and deliveries (${backend.name})`, () => {
    it('lists, filters and closes items; recent failures per owner', async () => {
      const store = await backend.open();
      await store.notifications.addItems([item('i1'), item('i2', { ownerId: 'ops-lead', kind: 'rejected' })]);
      expect(
        (await store.notifications.listItems({ ownerId: 'crm-admin', limit: 10 })).map((i) => i.id),
      ).toEqual(['i1']);
      const closed = await store.notifications.setItemStatus('i1', 'closed', now);
      expect(closed).toMatchObject({ status: 'closed', closedAt: now, record: { email: '***' } });
      expect(await store.notifications.listItems({ status: 'open', limit: 10 })).toHaveLength(1);
      expect(await store.notifications.recentFailures('crm-admin', 5)).toEqual([
        expect.objectContaining({ field: 'email', runId: 'run_1', kind: 'follow_up' }),
      ]);
      await store.close();
    });

    it('hands out due deliveries and records attempts', async () => {
      const store = await backend.open();
      await store.notifications.addDeliveries([
        {
          id: 'd1',
          ownerId: 'qa',
          url: 'http://127.0.0.1:1/',
          body: { a: 1 },
          state: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          lastError: null,
          createdAt: now,
        },
      ]);
      expect(await store.notifications.dueDeliveries('2026-03-15T09:29:00.000Z', 10)).toHaveLength(0);
      expect(await store.notifications.dueDeliveries(now, 10)).toHaveLength(1);
      await store.notifications.recordAttempt('d1', { state: 'delivered', nextAttemptAt: now, error: null });
      expect(await store.notifications.dueDeliveries(now, 10)).toHaveLength(0);
      expect((await store.notifications.listDeliveries('qa', 10))[0]).toMatchObject({
        state: 'delivered',
        attempts: 1,
      });
      await store.close();
    });
  });
}
