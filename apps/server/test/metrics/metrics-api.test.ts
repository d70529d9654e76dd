import type { RunFact } from '@baton/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from '../support/auth.js';
import { startTestApp, type TestApp } from '../test-app.js';

const FLOW = 'metrics-known';
const MIN = 60_000;
const DAY1 = '2026-03-10';
const DAY2 = '2026-03-11';

function fact(
  n: number,
  day: string,
  hour: number,
  status: RunFact['status'],
  ttvMin: number | null,
  extra: Partial<RunFact> = {},
): RunFact {
  const receivedAt = `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const committed = ttvMin !== null ? new Date(Date.parse(receivedAt) + ttvMin * MIN).toISOString() : null;
  return {
    runId: `r_known_${n}`,
    flowId: FLOW,
    version: 1,
    recordKey: `k${n}`,
    status,
    enteredAt: receivedAt,
    receivedAt,
    committedAt: committed,
    ttvMs: ttvMin === null ? null : ttvMin * MIN,
    demo: false,
    issues: [],
    ...extra,
  };
}

/**
 * A constructed run set with known answers. TTVs of committed records: 10, 20, 30, 40, 60, 90
 * minutes (p50 = 30, p90 = 90 by nearest rank, mean 41.67); rework: one flagged, one rejected,
 * and that rejected key re-sent (3 of 8); SLA target 60 min, so 5 of 6 are within (60 exactly is).
 */
const FACTS: RunFact[] = [
  fact(1, DAY1, 8, 'succeeded', 10),
  fact(2, DAY1, 9, 'succeeded', 20),
  fact(3, DAY1, 10, 'flagged', 30, { issues: [{ rule: 'tier_known', field: 'tier', result: 'flag' }] }),
  fact(4, DAY1, 11, 'rejected', null, {
    issues: [{ rule: 'total_positive', field: 'total_cents', result: 'fail' }],
  }),
  fact(5, DAY2, 8, 'succeeded', 40, { recordKey: 'k4' }),
  fact(6, DAY2, 9, 'succeeded', 60),
  fact(7, DAY2, 10, 'failed', null),
  fact(8, DAY2, 11, 'succeeded', 90, { version: 2 }),
];
const PERIOD = `from=${DAY1}&to=${DAY2}`;

describe('metrics API on a constructed run set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/flows',
      payload: { id: FLOW, name: 'Known' },
    });
    expect(res.statusCode).toBe(201);
    expect(await t.app.store.metrics.record(FACTS)).toBe(8);
    // Recording again is harmless: one fact per run.
    expect(await t.app.store.metrics.record(FACTS)).toBe(0);
    const sla = await t.app.inject({
      method: 'PUT',
      url: `/api/flows/${FLOW}/metrics/settings`,
      payload: { slaTargetMs: 60 * MIN },
    });
    expect(sla.statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers percentiles, rework with re-sends, SLA at the edge, volume per status', async () => {
    const res = await t.app.inject(`/api/flows/${FLOW}/metrics?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const s = body.summary;
    expect(s.count).toBe(8);
    expect(s.ttv.p50Ms).toBe(30 * MIN);
    expect(s.ttv.p90Ms).toBe(90 * MIN);
    expect(s.ttv.meanMs).toBeCloseTo((250 / 6) * MIN, 6);
    expect(s.reworkRate).toBe(3 / 8);
    expect(s.slaAdherence).toBe(5 / 6);
    expect(s.slaTargetMs).toBe(60 * MIN);
    expect(s.baseline).toBeNull();
    expect(s.targets).toEqual({ ttv: 'no-baseline', rework: 'no-baseline', sla: 'no-baseline' });
    expect(body.byStatus).toEqual({ succeeded: 5, flagged: 1, rejected: 1, failed: 1 });
    expect(body.resent).toBe(1);
    expect(body.demo).toBe(false);
    expect(body.days.map((d: { day: string }) => d.day)).toEqual([DAY1, DAY2]);
    expect(body.days[0]).toMatchObject({ count: 4, ttvP50Ms: 20 * MIN, reworkRate: 0.5, slaAdherence: 1 });
    expect(body.days[1]).toMatchObject({
      count: 4,
      ttvP50Ms: 60 * MIN,
      reworkRate: 0.25,
      slaAdherence: 2 / 3,
    });
    expect(body.reworkByRule).toEqual([
      { rule: 'tier_known', count: 1, rate: 1 / 8 },
      { rule: 'total_positive', count: 1, rate: 1 / 8 },
    ]);
    expect(body.reworkByField.map((f: { field: string }) => f.field)).toEqual(['tier', 'total_cents']);
    expect(body.topFailingFields).toHaveLength(2);
  });

  it('filters by version and period', async () => {
    const v1 = (await t.app.inject(`/api/flows/${FLOW}/metrics?${PERIOD}&version=1`)).json();
    expect(v1.summary.count).toBe(7);
    expect(v1.summary.ttv.p90Ms).toBe(60 * MIN);
    const day2 = (await t.app.inject(`/api/flows/${FLOW}/metrics?from=${DAY2}&to=${DAY2}`)).json();
    expect(day2.summary.count).toBe(4);
    expect(day2.summary.reworkRate).toBe(0.25);
    const bad = await t.app.inject(`/api/flows/${FLOW}/metrics?from=yesterday`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    const reversed = await t.app.inject(`/api/flows/${FLOW}/metrics?from=${DAY2}&to=${DAY1}`);
    expect(reversed.statusCode).toBe(400);
    expect((await t.app.inject('/api/flows/nope/metrics')).json().code).toBe('flow_not_found');
  });

  it('compares with a hand-entered baseline and the playbook targets', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/flows/${FLOW}/baseline`,
      payload: { ttvP50Ms: 50 * MIN, reworkRate: 0.8, slaAdherence: 0.7 },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().baseline).toMatchObject({ source: 'manual', ttvP50Ms: 50 * MIN, reworkRate: 0.8 });
    const body = (await t.app.inject(`/api/flows/${FLOW}/metrics?${PERIOD}`)).json();
    expect(body.summary.baseline).toEqual({ ttvP50Ms: 50 * MIN, reworkRate: 0.8, slaAdherence: 0.7 });
    expect(body.summary.targets).toEqual({ ttv: 'met', rework: 'met', sla: 'on-track' });
    expect(body.change.ttvP50Pct).toBeCloseTo(-40);
    const invalid = await t.app.inject({
      method: 'PUT',
      url: `/api/flows/${FLOW}/baseline`,
      payload: { ttvP50Ms: 1, reworkRate: 1.5, slaAdherence: 0.7 },
    });
    expect(invalid.statusCode).toBe(400);
  });

  it('imports a CSV baseline and derives its figures with the SLA target', async () => {
    const csv = [
      'Record Key,Entered At,Completed At,Reworked,notes',
      'A-1,2026-01-05T08:00:00Z,2026-01-05T09:00:00Z,yes,ignored',
      'A-2,2026-01-05T08:00:00Z,2026-01-05T10:00:00Z,no,',
      '"A-3",2026-01-06T08:00:00Z,2026-01-06T11:00:00Z,Yes,"a, quoted note"',
      'A-4,2026-01-07T08:00:00Z,2026-01-07T12:00:00Z,0,',
    ].join('\n');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/flows/${FLOW}/baseline`,
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      imported: 4,
      baseline: { source: 'csv', recordCount: 4, ttvP50Ms: 120 * MIN, reworkRate: 0.5, slaAdherence: 0.25 },
    });
    const body = (await t.app.inject(`/api/flows/${FLOW}/metrics?${PERIOD}`)).json();
    expect(body.summary.targets).toEqual({ ttv: 'met', rework: 'on-track', sla: 'on-track' });
    expect(body.baselineInfo).toMatchObject({ source: 'csv', recordCount: 4 });
  });

  it('refuses a bad CSV with line-numbered errors and keeps the previous baseline', async () => {
    const csv = [
      'record_key,entered_at,completed_at,reworked',
      'B-1,2026-01-05T08:00:00Z,2026-01-05T09:00:00Z,no',
      'B-2,not a date,2026-01-05T10:00:00Z,no',
      'B-3,2026-01-05T08:00:00Z,2026-01-05T10:00:00Z,maybe',
      ',2026-01-05T08:00:00Z,2026-01-05T07:00:00Z,yes',
    ].join('\n');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/flows/${FLOW}/baseline`,
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);
    expect(problem.errors[0].message).toContain('entered_at');
    expect(problem.errors[1].message).toContain('reworked');
    expect(problem.errors[2].message).toMatch(/record_key is empty.*before entered_at/);

    const header = await t.app.inject({
      method: 'POST',
      url: `/api/flows/${FLOW}/baseline`,
      headers: { 'content-type': 'text/csv' },
      payload: 'key,start\nx,y\n',
    });
    expect(header.statusCode).toBe(400);
    expect(header.json().errors[0]).toMatchObject({ line: 1 });
    expect(header.json().errors[0].message).toContain('entered_at');

    const still = (await t.app.inject(`/api/flows/${FLOW}/baseline`)).json();
    expect(still.baseline).toMatchObject({ source: 'csv', recordCount: 4 });
  });

  it('exports CSV and lists the portfolio', async () => {
    const csv = await t.app.inject(`/api/flows/${FLOW}/metrics?${PERIOD}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'day,records,ttv_p50_ms,ttv_p90_ms,ttv_mean_ms,rework_rate,sla_adherence,succeeded,flagged,rejected,failed',
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]!.startsWith(`total,8,${30 * MIN},${90 * MIN},`)).toBe(true);

    const portfolio = (await t.app.inject(`/api/metrics/portfolio?${PERIOD}`)).json();
    const row = portfolio.items.find((r: { flowId: string }) => r.flowId === FLOW);
    expect(row).toMatchObject({ count: 8, ttvP50Ms: 30 * MIN, reworkRate: 3 / 8, demo: false });
    expect(row.targets.ttv).toBe('met');
  });

  it('lets viewers read and only editors change settings and baselines', async () => {
    const viewer = await authHeaders(t.app, 'viewer');
    expect((await t.app.inject({ url: `/api/flows/${FLOW}/metrics`, headers: viewer })).statusCode).toBe(200);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/flows/${FLOW}/metrics/settings`,
      headers: viewer,
      payload: { slaTargetMs: MIN },
    });
    expect(put.statusCode).toBe(403);
  });
});
