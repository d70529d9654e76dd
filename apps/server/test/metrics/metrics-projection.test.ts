import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSourceWritingTo, publishFlow, startTestApp, type TestApp } from '../test-app.js';
import { seedDemoHistory } from '../../src/seed/demo-history.js';

const FLOW = 'metrics-projection';
const ENTERED = '2026-03-15T09:30:00.000Z';

function order(i: number, options: { reject?: boolean; flag?: boolean } = {}) {
  return {
    order_id: `SO-${String(30000 + i)}`,
    account_number: `ac-${100000 + i}`,
    customer_tier: options.flag ? 'Platinum' : 'Gold',
    order_date: '3/15/2026',
    total: options.reject ? '0' : '10.50',
    email: `buyer${i}@example.com`,
    entered_at: ENTERED,
  };
}

describe('metrics projection of real runs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await publishFlow(t.app, FLOW, exampleSourceWritingTo('metrics_projection_orders'));
    const post = (payload: object) => t.app.inject({ method: 'POST', url: `/hooks/${FLOW}`, payload });
    expect((await post(order(1))).statusCode).toBe(200);
    expect((await post(order(2, { flag: true }))).statusCode).toBe(200);
    expect((await post(order(3, { reject: true }))).statusCode).toBe(422);
    // Order 3 corrected and sent again: a re-send after a rejection.
    expect((await post(order(3))).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('projects finished runs with the entry timestamp, issues and re-sends', async () => {
    const body = (await t.app.inject(`/api/flows/${FLOW}/metrics`)).json();
    expect(body.summary.count).toBe(4);
    expect(body.byStatus).toEqual({ succeeded: 2, flagged: 1, rejected: 1, failed: 0 });
    // rejected + flagged + the re-send
    expect(body.summary.reworkRate).toBe(3 / 4);
    expect(body.resent).toBe(1);
    // TTV runs from the contract's entry-timestamp field (entered_at), not the receipt time.
    const ttvFloor = t.app.clock.now().getTime() - Date.parse(ENTERED) - 60_000;
    expect(body.summary.ttv.p50Ms).toBeGreaterThan(ttvFloor);
    expect(body.reworkByRule.map((r: { rule: string }) => r.rule)).toEqual(
      expect.arrayContaining(['tier_known', 'total_positive']),
    );
    const total = body.topFailingFields.find((f: { field: string }) => f.field === 'total_cents');
    expect(total).toMatchObject({ count: 1, ownerId: 'crm-admin' });
  });

  it('catches up at start on runs that finished but were never projected (a crash in between)', async () => {
    const { dataDir } = t.config;
    await t.close({ keepData: true });
    // The crash: the runs committed, their facts did not.
    const db = new Database(join(dataDir, 'baton.sqlite'));
    db.exec(
      'DELETE FROM run_facts; DELETE FROM run_fact_days; DELETE FROM run_fact_issue_days; DELETE FROM metric_projection;',
    );
    expect((db.prepare('SELECT COUNT(*) AS n FROM run_facts').get() as { n: number }).n).toBe(0);
    db.close();

    t = await startTestApp({ dataDir });
    await t.app.metricsProjector.catchUp();
    const facts = (
      await t.app.store.metrics.days({
        flowId: FLOW,
        fromDay: '2000-01-01',
        toDay: '2100-01-01',
      })
    ).reduce((n, d) => n + d.count, 0);
    expect(facts).toBe(4);
    const body = (await t.app.inject(`/api/flows/${FLOW}/metrics`)).json();
    expect(body.summary.count).toBe(4);
    expect(body.resent).toBe(1);
  });

  it('seeds demo history once, labels it, and clears it on request', async () => {
    // The example flow id is what the demo belongs to; create it like the seed would.
    await t.app.inject({
      method: 'POST',
      url: '/api/flows',
      payload: { id: 'order-to-fulfillment', name: 'Orders' },
    });
    const seeded = await seedDemoHistory(t.app.store, t.app.clock);
    expect(seeded).toBeGreaterThan(500);
    expect(await seedDemoHistory(t.app.store, t.app.clock)).toBe(0);
    const body = (await t.app.inject('/api/flows/order-to-fulfillment/metrics')).json();
    expect(body.demo).toBe(true);
    expect(body.hasDemo).toBe(true);
    expect(body.summary.count).toBe(seeded);
    expect(body.days.length).toBeGreaterThanOrEqual(29);
    expect(body.summary.slaTargetMs).toBe(6 * 3_600_000);
    const portfolio = (await t.app.inject('/api/metrics/portfolio')).json();
    expect(portfolio.items.find((r: { flowId: string }) => r.flowId === 'order-to-fulfillment').demo).toBe(
      true,
    );

    const cleared = await t.app.inject({
      method: 'DELETE',
      url: '/api/flows/order-to-fulfillment/metrics/demo',
    });
    expect(cleared.json()).toEqual({ removed: seeded });
    const after = (await t.app.inject('/api/flows/order-to-fulfillment/metrics')).json();
    expect(after).toMatchObject({ demo: false, hasDemo: false, summary: { count: 0 } });
  });
});
