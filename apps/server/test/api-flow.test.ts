import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveVersion,
  downstreamRows,
  exampleSourceWritingTo,
  startTestApp,
  type TestApp,
} from './test-app.js';

const TABLE = 'api_test_orders';

/**
 * 100 orders in the example's messy CRM shape. Every third one breaks a business rule
 * (a zero total, or 30 February) and must be rejected; every fifth valid one has an unknown
 * tier and is written but flagged.
 */
function makeRecords() {
  return Array.from({ length: 100 }, (_, i) => {
    const rejected = i % 3 === 0;
    const flagged = !rejected && i % 5 === 0;
    const orderId = `SO-${String(20000 + i)}`;
    return {
      orderId,
      rejected,
      flagged,
      body: {
        order_id: ` ${orderId} `,
        account_number: ` ac-${String(100000 + i)} `,
        customer_tier: flagged ? 'Platinum' : i % 2 === 0 ? 'Gold ' : 'slv',
        order_date: rejected && i % 2 === 0 ? '02/30/2026' : '3/15/2026',
        total: rejected && i % 2 === 1 ? '0' : `1,${String(i).padStart(3, '0')}.50`,
        email: ` Buyer${i}@Example.COM `,
        entered_at: '2026-03-15T09:30:00Z',
      },
    };
  });
}

describe('API: draw, compile, test-run, publish, then run 100 records twice', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes a flow from draft to published and runs each record exactly once', async () => {
    const { app } = t;
    const created = await app.inject({
      method: 'POST',
      url: '/api/flows',
      payload: { name: 'API test orders' },
    });
    expect(created.statusCode).toBe(201);
    const flowId = created.json().id as string;
    expect(flowId).toBe('api-test-orders');

    const source = exampleSourceWritingTo(TABLE);
    const saved = await app.inject({ method: 'PUT', url: `/api/flows/${flowId}/draft`, payload: source });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect((await app.inject(`/api/flows/${flowId}/draft`)).json()).toEqual(source);

    const compiled = await app.inject({ method: 'POST', url: `/api/flows/${flowId}/compile` });
    expect(compiled.statusCode).toBe(200);
    expect(compiled.json().definition).toMatchObject({ schemaVersion: 1, recordKey: ['order_id'] });

    const testRun = await app.inject({
      method: 'POST',
      url: `/api/flows/${flowId}/test-run`,
      payload: { record: makeRecords()[1]!.body },
    });
    expect(testRun.statusCode).toBe(200);
    const trace = testRun.json();
    expect(trace.status).toBe('succeeded');
    expect(trace.steps.map((s: { kind: string }) => s.kind)).toEqual([
      'trigger',
      'mapping',
      'validation',
      'write',
      'log',
    ]);
    expect(trace.steps[3].write).toMatchObject({ action: 'inserted', dryRun: true });
    // A test run writes nothing downstream and records no run.
    expect(downstreamRows(t.config.dataDir, TABLE)).toEqual([]);
    expect((await app.inject(`/api/runs?flowId=${flowId}`)).json().items).toEqual([]);

    const submitted = await app.inject({
      method: 'POST',
      url: `/api/flows/${flowId}/versions`,
      payload: { changeNote: { reason: 'first', acceptanceCheck: 'valid orders land once', risk: 'low' } },
    });
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json()).toMatchObject({ version: 1, state: 'in_review' });
    await approveVersion(app, flowId, 1);
    const published = await app.inject({ method: 'POST', url: `/api/flows/${flowId}/versions/1/publish` });
    expect(published.json()).toMatchObject({ version: 1, state: 'published', supersededVersion: null });

    const records = makeRecords();
    for (const pass of [1, 2]) {
      for (const record of records) {
        const res = await app.inject({ method: 'POST', url: `/hooks/${flowId}`, payload: record.body });
        if (record.rejected) {
          expect(res.statusCode, record.orderId).toBe(422);
          expect(res.headers['content-type']).toContain('application/problem+json');
          const problem = res.json();
          expect(problem).toMatchObject({ code: 'record_rejected', status: 422 });
          expect(problem.checks.length).toBeGreaterThan(0);
          for (const check of problem.checks) {
            expect(check).toEqual({
              field: expect.any(String),
              rule: expect.any(String),
              result: 'fail',
              message: expect.any(String),
            });
          }
          expect(problem.runStatus).toBe(pass === 1 ? 'rejected' : 'duplicate');
        } else {
          expect(res.statusCode, `${record.orderId}: ${res.body}`).toBe(200);
          const body = res.json();
          const expected = pass === 1 ? (record.flagged ? 'flagged' : 'succeeded') : 'duplicate';
          expect(body).toMatchObject({ status: expected, version: 1, recordKey: record.orderId });
          if (pass === 2) expect(body.originalStatus).toBe(record.flagged ? 'flagged' : 'succeeded');
        }
      }
    }

    const rows = downstreamRows(t.config.dataDir, TABLE);
    const valid = records.filter((r) => !r.rejected).map((r) => r.orderId);
    expect(rows.map((r) => r.order_id).sort()).toEqual([...valid].sort());
    expect(rows[0]).toMatchObject({
      customer_id: 'AC-100001',
      total_cents: 100150,
      ordered_at: '2026-03-15',
    });

    // Every request is a run: 100 executed, 100 duplicates; the runs list pages through all.
    const statuses: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/runs?flowId=${flowId}&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: Array<{ status: string }>; nextCursor: string | null } = (
        await app.inject(url)
      ).json();
      statuses.push(...page.items.map((r) => r.status));
      cursor = page.nextCursor;
    } while (cursor);
    expect(statuses).toHaveLength(200);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(100);
    expect(statuses.filter((s) => s === 'rejected')).toHaveLength(records.filter((r) => r.rejected).length);
  });
});
