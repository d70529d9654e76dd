import { describe, expect, it } from 'vitest';
import { createFixedClock } from '@baton/engine';
import { authHeaders } from './support/auth.js';
import { publishDirect } from './support/reliability.js';
import { exampleSourceWritingTo, sampleRecords, startTestApp, tempDir } from './test-app.js';

describe('run retention', () => {
  it('purges inputs and steps after BATON_RUN_RETENTION_DAYS, keeping runs, counts and the ledger', async () => {
    const dataDir = tempDir('baton-retention-');
    const first = await startTestApp(
      { dataDir, runRetentionDays: 30 },
      { clock: createFixedClock('2026-03-01T10:00:00.000Z') },
    );
    await publishDirect(first.app, 'orders', exampleSourceWritingTo('retention_queue'));
    const headers = await authHeaders(first.app, 'analyst');
    const sent = await first.app.inject({
      method: 'POST',
      url: '/hooks/orders',
      headers,
      payload: sampleRecords()[0],
    });
    const runId = sent.json<{ runId: string }>().runId;
    expect((await first.app.store.ledger.listByRun(runId)).length).toBeGreaterThan(0);
    expect((await first.app.store.runs.get(runId))?.inputSealed).toMatch(/^v1\./);
    await first.close({ keepData: true });

    // 31 days later the job runs as the app starts.
    const later = await startTestApp(
      { dataDir, runRetentionDays: 30 },
      { clock: createFixedClock('2026-04-01T10:00:00.000Z') },
    );
    try {
      const again = await authHeaders(later.app, 'analyst');
      const run = await later.app.inject({ method: 'GET', url: `/api/runs/${runId}`, headers: again });
      expect(run.json()).toMatchObject({
        id: runId,
        status: 'succeeded',
        recordKey: 'SO-10042',
        input: {},
        steps: [],
      });
      expect(run.json<{ purgedAt: string }>().purgedAt).toMatch(/^2026-04-01T10:00:00/);
      // The sealed raw input goes too: nothing of the record stays to be decrypted later.
      expect((await later.app.store.runs.get(runId))?.inputSealed).toBeUndefined();
      expect(await later.app.store.runs.sealedInputSample()).toBeNull();
      const replay = await later.app.inject({
        method: 'POST',
        url: `/api/runs/${runId}/replay`,
        headers: again,
        payload: { version: 1 },
      });
      expect(replay.statusCode).toBe(409);
      expect(replay.json<{ code: string }>().code).toBe('run_not_replayable');
      expect((await later.app.store.ledger.listByRun(runId)).length).toBeGreaterThan(0);
      const counts = await later.app.inject({
        method: 'GET',
        url: '/api/runs/counts?flowId=orders',
        headers: again,
      });
      expect(counts.json<{ byStatus: { succeeded: number } }>().byStatus.succeeded).toBe(1);
    } finally {
      await later.close();
    }
  }, 20_000);
});
