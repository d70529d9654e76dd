import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowMetricsSummary } from '../../src/metrics/index.js';
import { weekOf } from '../../src/playbook/status-data.js';
import {
  countWords,
  generateStatusReport,
  MAX_STATUS_WORDS,
  type StatusInput,
} from '../../src/playbook/status-report.js';
import {
  changeNote,
  exampleSourceWritingTo,
  publishFlow,
  sampleRecords,
  startTestApp,
  type TestApp,
} from '../test-app.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

function input(overrides: Partial<StatusInput> = {}): StatusInput {
  return {
    flowName: 'Order to fulfilment',
    week: { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' },
    shipped: [{ version: 3, publishedAt: '2026-11-24T10:00:00.000Z', reason: 'tighter email rule' }],
    followUps: [{ field: 'email', message: 'not an e-mail address' }],
    deadLetters: [],
    pendingApprovals: [{ version: 4, state: 'in_review' }],
    metrics: {
      count: 120,
      ttv: { p50Ms: 3 * 3_600_000 },
      reworkRate: 0.05,
      slaAdherence: 0.92,
      baseline: { ttvP50Ms: 5 * 3_600_000, reworkRate: 0.12, slaAdherence: 0.7 },
      targets: { ttv: 'met', rework: 'met', sla: 'met' },
    },
    nextSteps: ['Get version 4 through review and published'],
    ...overrides,
  };
}

describe('weekly status generator', () => {
  it('reports shipped, blocked, metrics vs baseline and next, with the figures given', () => {
    const { markdown, wordCount } = generateStatusReport(input());
    expect(markdown).toContain('## Shipped\n- Version 3 published 2026-11-24: tighter email rule');
    expect(markdown).toContain('- 1 open follow-up\n  - email: not an e-mail address');
    expect(markdown).toContain('- 1 pending approval: v4 (in review)');
    expect(markdown).toContain('- Records: 120');
    expect(markdown).toContain('- Time-to-Value p50: 3.0 h vs baseline 5.0 h, −40% (target met)');
    expect(markdown).toContain('- Rework rate: 5.0% vs baseline 12.0%, −58% (target met)');
    expect(markdown).toContain('- SLA adherence: 92.0% vs baseline 70.0%, +31% (target met)');
    expect(markdown).toContain('Week of 2026-11-23 to 2026-11-29');
    expect(wordCount).toBe(countWords(markdown));
    expect(wordCount).toBeLessThan(300);
  });

  it('stays under 300 words however much there is, trimming lists to "and N more"', () => {
    const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
    const { markdown, wordCount } = generateStatusReport(
      input({
        flowName: words(40),
        shipped: many(30, (i) => ({
          version: i + 1,
          publishedAt: '2026-11-24T10:00:00.000Z',
          reason: words(50),
        })),
        followUps: many(200, (i) => ({ field: `field${i}`, message: words(30) })),
        deadLetters: many(80, (i) => ({ recordKey: `order-${i}`, error: words(40) })),
        pendingApprovals: many(12, (i) => ({ version: 40 + i, state: 'approved' })),
        nextSteps: many(50, () => words(25)),
      }),
    );
    expect(wordCount).toBeLessThanOrEqual(MAX_STATUS_WORDS);
    expect(countWords(markdown)).toBe(wordCount);
    expect(markdown).toContain('200 open follow-ups');
    expect(markdown).toContain('80 dead letters');
    expect(markdown).toMatch(/and \d+ more follow-ups/);
    expect(markdown).toMatch(/and \d+ more versions/);
    // The figures survive the trimming.
    expect(markdown).toContain('- Records: 120');
  });

  it('says so when there is nothing to report and no baseline', () => {
    const { markdown } = generateStatusReport(
      input({
        shipped: [],
        followUps: [],
        pendingApprovals: [],
        nextSteps: [],
        metrics: {
          count: 0,
          ttv: { p50Ms: null },
          reworkRate: null,
          slaAdherence: null,
          baseline: null,
          targets: { ttv: 'no-baseline', rework: 'no-baseline', sla: 'no-baseline' },
        },
      }),
    );
    expect(markdown).toContain('- Nothing published this week.');
    expect(markdown).toContain('- Nothing blocked.');
    expect(markdown).toContain('- Time-to-Value p50: no data yet (no baseline)');
  });

  it('counts words as a reader does', () => {
    expect(countWords('# Title\n\n- one two\n- 3 × four —')).toBe(5);
  });

  it('finds the Monday-to-Monday week of a day', () => {
    expect(weekOf('2026-11-29')).toEqual({
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
    });
    expect(weekOf('2026-11-30')).toEqual({
      from: '2026-11-30T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
    });
    expect(weekOf('2026-02-30')).toBeNull();
    expect(weekOf('last week')).toBeNull();
  });
});

describe('weekly status route', () => {
  let t: TestApp;
  const FLOW = 'status-flow';
  beforeAll(async () => {
    t = await startTestApp();
    await publishFlow(t.app, FLOW, exampleSourceWritingTo('status_orders'));
    // A few records through the webhook, so the week has metrics to report.
    for (const record of sampleRecords().slice(0, 4)) {
      const res = await t.app.inject({ method: 'POST', url: `/hooks/${FLOW}`, payload: record });
      expect(res.statusCode, res.body).toBeLessThan(500);
    }
    // A second version waiting for review, an open follow-up of this flow and one of another.
    const source = exampleSourceWritingTo('status_orders');
    source.meta = { ...source.meta, description: 'v2' };
    await t.app.inject({ method: 'PUT', url: `/api/flows/${FLOW}/draft`, payload: source });
    await t.app.inject({ method: 'POST', url: `/api/flows/${FLOW}/versions`, payload: { changeNote } });
    const base = {
      ownerId: 'crm-admin',
      kind: 'follow_up' as const,
      runId: 'run_x',
      edgeId: null,
      nodeId: null,
      rule: null,
      record: {},
      createdAt: new Date().toISOString(),
    };
    await t.app.store.notifications.addItems([
      { ...base, id: 'ibx_1', flowId: FLOW, field: 'email', message: 'email looks wrong' },
      { ...base, id: 'ibx_2', flowId: 'other-flow', field: 'tier', message: 'unknown tier' },
    ]);
    await t.app.inject({
      method: 'POST',
      url: `/api/flows/${FLOW}/risks`,
      payload: {
        risk: 'ERP freeze in December',
        likelihood: 3,
        impact: 5,
        mitigation: 'plan cut-over early',
      },
    });
  });
  afterAll(() => t.close());

  it('generates the week from the data; figures equal the metrics and versions APIs', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/flows/${FLOW}/status-report`, payload: {} });
    expect(res.statusCode).toBe(200);
    const report = res.json<{
      week: { from: string; to: string };
      markdown: string;
      wordCount: number;
      figures: Record<string, unknown> & { metrics: Record<string, unknown> };
    }>();
    expect(report.wordCount).toBeLessThan(300);
    expect(report.wordCount).toBe(countWords(report.markdown));
    expect(report.figures).toMatchObject({
      shipped: [{ version: 1, reason: changeNote.reason }],
      openFollowUps: 1,
      deadLetters: 0,
      pendingApprovals: 1,
      openRisks: 1,
    });
    const monday = report.week.from.slice(0, 10);
    const sunday = new Date(Date.parse(report.week.to) - 1).toISOString().slice(0, 10);
    const metrics = await t.app.inject({
      method: 'GET',
      url: `/api/flows/${FLOW}/metrics?from=${monday}&to=${sunday}`,
    });
    expect(metrics.statusCode).toBe(200);
    const summary = metrics.json<{ summary: FlowMetricsSummary }>().summary;
    expect(report.figures.metrics).toEqual({
      count: summary.count,
      ttvP50Ms: summary.ttv.p50Ms,
      reworkRate: summary.reworkRate,
      slaAdherence: summary.slaAdherence,
      baseline: summary.baseline,
      targets: summary.targets,
    });
    expect(summary.count).toBe(4);
    expect(report.markdown).toContain(`- Records: ${summary.count}`);
    expect(report.markdown).toContain('- Version 1 published');
    expect(report.markdown).toContain('email: email looks wrong');
    expect(report.markdown).not.toContain('unknown tier');
    expect(report.markdown).toContain('v2 (in review)');
    expect(report.markdown).toContain('Mitigate "ERP freeze in December": plan cut-over early');

    const get = await t.app.inject({
      method: 'GET',
      url: `/api/flows/${FLOW}/status-report?week=${report.week.from.slice(0, 10)}`,
    });
    expect(get.json()).toEqual(report);
  });

  it('answers invalid_week and flow_not_found', async () => {
    const bad = await t.app.inject({ method: 'GET', url: `/api/flows/${FLOW}/status-report?week=tuesday` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_week' });
    const missing = await t.app.inject({ method: 'GET', url: '/api/flows/nope/status-report' });
    expect(missing.json()).toMatchObject({ code: 'flow_not_found' });
    const extra = await t.app.inject({
      method: 'POST',
      url: `/api/flows/${FLOW}/status-report`,
      payload: { week: '2026-11-23', words: 500 },
    });
    expect(extra.json()).toMatchObject({ code: 'validation_failed' });
  });
});
