import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '@baton/store';
import { describe, expect, it } from 'vitest';
import { payloadHashOf } from '../src/runner/webhook-intake.js';
import { EXAMPLE_FLOW_ID } from '../src/seed/seed-example.js';
import { downstreamRows, startTestApp, tempDir } from './test-app.js';

const record = (id: string) => ({
  order_id: ` ${id}`,
  account_number: 'ac-123456',
  customer_tier: 'Gold',
  order_date: '03/15/2026',
  total: '1,249.50',
});

describe('first start and restarts', () => {
  it('seeds the published example once, however often Baton restarts', async () => {
    const first = await startTestApp({ seed: true });
    const flow = (await first.app.inject(`/api/flows/${EXAMPLE_FLOW_ID}`)).json();
    expect(flow).toMatchObject({ name: 'Order to fulfillment', publishedVersion: 1, latestVersion: 1 });
    expect(flow.versions[0].changeNote.reason).toContain('Seeded example');
    const draft = (await first.app.inject(`/api/flows/${EXAMPLE_FLOW_ID}/draft`)).json();
    expect(draft.nodes.map((n: { kind: string }) => n.kind)).toContain('write');
    await first.close({ keepData: true });

    const second = await startTestApp({ seed: true, dataDir: first.config.dataDir });
    expect((await second.app.inject('/api/flows')).json().items).toHaveLength(1);
    expect((await second.app.inject(`/api/flows/${EXAMPLE_FLOW_ID}/versions`)).json().items).toHaveLength(1);
    await second.close();
  });

  it('does not seed a database that already has flows, nor fail without the examples', async () => {
    const noExamples = await startTestApp({ seed: true, examplesDir: join(tempDir(), 'missing') });
    expect((await noExamples.app.inject('/api/flows')).json().items).toEqual([]);
    await noExamples.app.inject({ method: 'POST', url: '/api/flows', payload: { id: 'mine', name: 'Mine' } });
    await noExamples.close({ keepData: true });

    const again = await startTestApp({ seed: true, dataDir: noExamples.config.dataDir });
    expect((await again.app.inject('/api/flows')).json().items.map((f: { id: string }) => f.id)).toEqual([
      'mine',
    ]);
    await again.close();
  });

  it('finishes runs a crash left queued or running, writing each record once', async () => {
    const before = await startTestApp({ seed: true });
    const kept = await before.app.inject({
      method: 'POST',
      url: `/hooks/${EXAMPLE_FLOW_ID}`,
      payload: record('SO-50000'),
    });
    expect(kept.json().status).toBe('succeeded');
    await before.close({ keepData: true });

    // What a crash leaves: committed intake rows whose execution never finished.
    const store = await openSqliteStore({ file: join(before.config.dataDir, 'baton.sqlite') });
    for (const id of ['run_crash_queued', 'run_crash_running']) {
      const input = record(id === 'run_crash_queued' ? 'SO-50001' : 'SO-50002');
      await store.runs.insert({
        id,
        flowId: EXAMPLE_FLOW_ID,
        version: 1,
        status: 'queued',
        recordKey: null,
        idempotencyKey: `sha256:${payloadHashOf(input)}`,
        payloadHash: payloadHashOf(input),
        input,
        receivedAt: new Date().toISOString(),
        duplicateOf: null,
      });
    }
    await store.close();
    // Only a worker moves a run to `running`; a crash can leave it there too.
    const raw = new Database(join(before.config.dataDir, 'baton.sqlite'));
    raw
      .prepare("UPDATE runs SET status = 'running', started_at = received_at WHERE id = 'run_crash_running'")
      .run();
    raw.close();

    const after = await startTestApp({ seed: true, dataDir: before.config.dataDir });
    for (const [id, key] of [
      ['run_crash_queued', 'SO-50001'],
      ['run_crash_running', 'SO-50002'],
    ]) {
      const run = (await after.app.inject(`/api/runs/${id}`)).json();
      expect(run).toMatchObject({ status: 'succeeded', recordKey: key });
      expect(run.steps).toHaveLength(5);
      expect(await after.app.store.ledger.listByRun(id!)).toHaveLength(1);
    }
    const rows = downstreamRows(after.config.dataDir, 'fulfillment_queue').map((r) => r.order_id);
    expect(rows.sort()).toEqual(['SO-50000', 'SO-50001', 'SO-50002']);
    // A resend of a recovered record is a duplicate of it, not a second write.
    const resend = await after.app.inject({
      method: 'POST',
      url: `/hooks/${EXAMPLE_FLOW_ID}`,
      payload: record('SO-50001'),
    });
    expect(resend.json()).toMatchObject({ status: 'duplicate', duplicateOf: 'run_crash_queued' });
    await after.close();
  });
});
