import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore, openSqliteStore, type Store } from '@baton/store';
import { exportLines, importLines, type TransferLine } from '../../src/cluster/installation-transfer.js';
import { order } from '../support/reliability.js';
import { approveVersion, changeNote, exampleSourceWritingTo, startTestApp, tempDir } from '../test-app.js';
import { clusterNames, DATABASE_URL, dropCluster } from './cluster-support.js';
import { join } from 'node:path';
import { rmSync } from 'node:fs';

const names = clusterNames();
const backDir = tempDir('baton-transfer-');
afterAll(async () => {
  await dropCluster(names);
  rmSync(backDir, { recursive: true, force: true });
}, 30_000);

async function collect(store: Store, withRuns: boolean): Promise<TransferLine[]> {
  const lines: TransferLine[] = [];
  for await (const line of exportLines(store, { withRuns, now: '2026-11-30T00:00:00.000Z' })) {
    // Through JSON, as the file carries it.
    lines.push(JSON.parse(JSON.stringify(line)) as TransferLine);
  }
  return lines;
}

async function* replay(lines: TransferLine[]): AsyncGenerator<TransferLine> {
  yield* lines;
}

/** What must survive the move, without what the target assigns itself (timestamps of the header). */
const comparable = (lines: TransferLine[]) => lines.filter((line) => line.kind !== 'header');

describe('baton export / import', () => {
  it('moves flows, versions, owners, users and runs from embedded SQLite to PostgreSQL and back', async () => {
    const t = await startTestApp({ seed: true, seedPassword: 'transfer-password' });
    try {
      // A history worth moving: a second version through the gate (superseding the seeded one), runs.
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/flows/order-to-fulfillment/draft',
        payload: exampleSourceWritingTo('moved_orders'),
      });
      expect(put.statusCode).toBe(200);
      const submitted = await t.app.inject({
        method: 'POST',
        url: '/api/flows/order-to-fulfillment/versions',
        payload: { changeNote },
      });
      expect(submitted.statusCode).toBe(201);
      await approveVersion(t.app, 'order-to-fulfillment', 2);
      const published = await t.app.inject({
        method: 'POST',
        url: '/api/flows/order-to-fulfillment/versions/2/publish',
      });
      expect(published.statusCode).toBe(200);
      for (const id of ['SO-80001', 'SO-80002']) {
        await t.app.inject({ method: 'POST', url: '/hooks/order-to-fulfillment', payload: order(id) });
      }
      await t.app.inject({ method: 'POST', url: '/hooks/order-to-fulfillment', payload: order('SO-80001') });

      const exported = await collect(t.app.store, true);
      expect(exported.filter((l) => l.kind === 'run')).toHaveLength(3);

      const pg = await openPostgresStore({ connectionString: DATABASE_URL, schema: names.schema });
      try {
        const counts = await importLines(pg, replay(exported));
        expect(counts).toMatchObject({ flows: 1, versions: 2, runs: 3 });
        expect(counts.users).toBeGreaterThanOrEqual(3);
        expect(await collect(pg, true)).toEqual(exported);
        // Importing again changes nothing and says what it kept.
        const again = await importLines(pg, replay(exported));
        expect(again).toMatchObject({ flows: 0, users: 0, runs: 0 });
        expect(again.skipped).toContain('flow order-to-fulfillment');

        // And back: into a fresh embedded installation.
        const back = await openSqliteStore({ file: join(backDir, 'baton.sqlite') });
        try {
          await importLines(back, replay(await collect(pg, true)));
          expect(comparable(await collect(back, true))).toEqual(comparable(exported));
          expect((await back.versions.published('order-to-fulfillment'))?.version).toBe(2);
        } finally {
          await back.close();
        }
      } finally {
        await pg.close();
      }
    } finally {
      await t.close();
    }
  }, 120_000);

  it('refuses a file that is not an export', async () => {
    const store = await openSqliteStore({ file: join(backDir, 'other.sqlite') });
    try {
      await expect(importLines(store, replay([{ kind: 'flow' } as unknown as TransferLine]))).rejects.toThrow(
        /not a baton-export/,
      );
    } finally {
      await store.close();
    }
  });
});
