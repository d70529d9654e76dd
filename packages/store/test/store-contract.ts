import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreConflictError, StoreNotFoundError } from '../src/errors.js';
import type { Store } from '../src/store.js';
import { at, changeNote, samplePlan, sampleSource } from './fixtures.js';
import { describeRunsContract } from './runs-contract.js';

/**
 * The behaviour every `Store` implementation must have. SQLite runs it now; a PostgreSQL
 * implementation calls it with its own factory and must pass unchanged.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('flows and drafts', () => {
      it('creates a flow with its draft and reads it back', async () => {
        const created = await store.flows.create({
          id: 'orders',
          name: 'Orders',
          description: 'CRM to fulfilment',
          draft: sampleSource(),
          now: at(0),
        });
        expect(created).toEqual({
          id: 'orders',
          name: 'Orders',
          description: 'CRM to fulfilment',
          createdAt: at(0),
          updatedAt: at(0),
          publishedVersion: null,
          latestVersion: null,
          runCount: 0,
        });
        expect(await store.flows.get('orders')).toEqual(created);
        expect(await store.flows.getDraft('orders')).toEqual({
          flowId: 'orders',
          source: sampleSource(),
          updatedAt: at(0),
        });
      });

      it('refuses a second flow with the same id', async () => {
        await store.flows.create({
          id: 'orders',
          name: 'A',
          description: '',
          draft: sampleSource(),
          now: at(0),
        });
        await expect(
          store.flows.create({ id: 'orders', name: 'B', description: '', draft: sampleSource(), now: at(1) }),
        ).rejects.toBeInstanceOf(StoreConflictError);
        expect((await store.flows.get('orders'))?.name).toBe('A');
      });

      it('answers null for an unknown flow or draft', async () => {
        expect(await store.flows.get('nope')).toBeNull();
        expect(await store.flows.getDraft('nope')).toBeNull();
      });

      it('lists flows by name and counts them', async () => {
        expect(await store.flows.count()).toBe(0);
        await store.flows.create({
          id: 'b',
          name: 'Zebra',
          description: '',
          draft: sampleSource(),
          now: at(0),
        });
        await store.flows.create({
          id: 'a',
          name: 'Alpha',
          description: '',
          draft: sampleSource(),
          now: at(0),
        });
        expect((await store.flows.list()).map((f) => f.id)).toEqual(['a', 'b']);
        expect(await store.flows.count()).toBe(2);
      });

      it('saves a draft and touches the flow', async () => {
        await store.flows.create({
          id: 'orders',
          name: 'O',
          description: '',
          draft: sampleSource(),
          now: at(0),
        });
        const saved = await store.flows.saveDraft('orders', sampleSource('Renamed'), at(5));
        expect(saved.updatedAt).toBe(at(5));
        expect((await store.flows.getDraft('orders'))?.source.nodes[0]?.label).toBe('Renamed');
        expect((await store.flows.get('orders'))?.updatedAt).toBe(at(5));
      });

      it('refuses a draft for an unknown flow', async () => {
        await expect(store.flows.saveDraft('nope', sampleSource(), at(0))).rejects.toBeInstanceOf(
          StoreNotFoundError,
        );
      });
    });

    describe('versions', () => {
      beforeEach(async () => {
        await store.flows.create({
          id: 'orders',
          name: 'O',
          description: '',
          draft: sampleSource(),
          now: at(0),
        });
      });

      it('numbers versions per flow, in review, with the plan hash', async () => {
        const first = await store.versions.create({
          flowId: 'orders',
          source: sampleSource(),
          definition: samplePlan('sha256:one'),
          changeNote,
          now: at(1),
        });
        const second = await store.versions.create({
          flowId: 'orders',
          source: sampleSource('v2'),
          definition: samplePlan('sha256:two'),
          changeNote,
          now: at(2),
        });
        expect(first).toEqual({
          flowId: 'orders',
          version: 1,
          state: 'in_review',
          contentHash: 'sha256:one',
          changeNote,
          createdAt: at(1),
          publishedAt: null,
          // Review fields start empty; a submission without an author is the seed's.
          author: null,
          requiredSignOffs: [],
          signOffs: [],
          approvedBy: null,
          approvedAt: null,
          approvedHash: null,
          rejectedBy: null,
          rejectedAt: null,
          reviewNote: null,
          publishedBy: null,
        });
        expect(second.version).toBe(2);
        expect((await store.versions.list('orders')).map((v) => v.version)).toEqual([2, 1]);
        const full = await store.versions.get('orders', 2);
        expect(full?.definition).toEqual(samplePlan('sha256:two'));
        expect(full?.source.nodes[0]?.label).toBe('v2');
        expect((await store.flows.get('orders'))?.latestVersion).toBe(2);
      });

      it('answers null for an unknown version and refuses one for an unknown flow', async () => {
        expect(await store.versions.get('orders', 9)).toBeNull();
        await expect(
          store.versions.create({
            flowId: 'nope',
            source: sampleSource(),
            definition: samplePlan('h'),
            changeNote,
            now: at(1),
          }),
        ).rejects.toBeInstanceOf(StoreNotFoundError);
      });

      it('publishes one version at a time, superseding the previous one', async () => {
        for (const hash of ['a', 'b']) {
          await store.versions.create({
            flowId: 'orders',
            source: sampleSource(),
            definition: samplePlan(hash),
            changeNote,
            now: at(1),
          });
        }
        expect(await store.versions.published('orders')).toBeNull();
        const first = await store.versions.publish('orders', 1, at(3));
        expect(first).toMatchObject({
          published: { version: 1, state: 'published', publishedAt: at(3) },
          superseded: null,
        });
        const second = await store.versions.publish('orders', 2, at(4));
        expect(second).toMatchObject({ published: { version: 2, state: 'published' }, superseded: 1 });
        expect((await store.versions.get('orders', 1))?.state).toBe('superseded');
        expect((await store.versions.published('orders'))?.version).toBe(2);
        expect((await store.flows.get('orders'))?.publishedVersion).toBe(2);
        // Publishing the published version again changes nothing.
        expect(await store.versions.publish('orders', 2, at(9))).toMatchObject({
          published: { version: 2, publishedAt: at(4) },
          superseded: null,
        });
      });

      it('refuses to publish an unknown version', async () => {
        await expect(store.versions.publish('orders', 7, at(1))).rejects.toBeInstanceOf(StoreNotFoundError);
      });
    });

    describeRunsContract(() => store);

    describe('unit of work', () => {
      it('commits everything done through the transaction', async () => {
        const id = await store.transaction(async (tx) => {
          await tx.flows.create({
            id: 'orders',
            name: 'O',
            description: '',
            draft: sampleSource(),
            now: at(0),
          });
          await tx.versions.create({
            flowId: 'orders',
            source: sampleSource(),
            definition: samplePlan('h'),
            changeNote,
            now: at(1),
          });
          return 'orders';
        });
        expect(id).toBe('orders');
        expect((await store.flows.get('orders'))?.latestVersion).toBe(1);
      });

      it('rolls everything back when the work throws', async () => {
        await expect(
          store.transaction(async (tx) => {
            await tx.flows.create({
              id: 'orders',
              name: 'O',
              description: '',
              draft: sampleSource(),
              now: at(0),
            });
            throw new Error('changed my mind');
          }),
        ).rejects.toThrow('changed my mind');
        expect(await store.flows.get('orders')).toBeNull();
        // The store is usable afterwards.
        await store.flows.create({
          id: 'orders',
          name: 'O',
          description: '',
          draft: sampleSource(),
          now: at(0),
        });
        expect(await store.flows.count()).toBe(1);
      });

      it('keeps work outside the transaction out of it', async () => {
        let outsideSaw: number | undefined;
        let outside: Promise<void> | undefined;
        await expect(
          store.transaction(async (tx) => {
            await tx.flows.create({
              id: 'inner',
              name: 'I',
              description: '',
              draft: sampleSource(),
              now: at(0),
            });
            // A concurrent caller (another request) reaches the store mid-transaction.
            outside = store.flows
              .create({ id: 'outer', name: 'X', description: '', draft: sampleSource(), now: at(0) })
              .then(async () => {
                outsideSaw = await store.flows.count();
              });
            await new Promise((resolve) => setTimeout(resolve, 5));
            throw new Error('roll back');
          }),
        ).rejects.toThrow('roll back');
        await outside;
        // The outer write did not join (and was not rolled back with) the failed transaction.
        expect(outsideSaw).toBe(1);
        expect((await store.flows.list()).map((f) => f.id)).toEqual(['outer']);
      });

      it('answers a ping and closes idempotently', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await store.close();
        store = await makeStore();
      });
    });
  });
}
