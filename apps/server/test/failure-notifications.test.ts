import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, Step } from '@baton/schema';
import type { RunDetail } from '@baton/store';
import { failureItemsForRun } from '../src/notifications/failure-recipients.js';
import {
  exampleWritingVia,
  order,
  publishDirect,
  startEndpoint,
  type Endpoint,
} from './support/reliability.js';
import { startTestApp, type TestApp } from './test-app.js';

interface Item {
  ownerId: string;
  kind: string;
  runId: string;
  edgeId: string | null;
  nodeId: string | null;
  rule: string | null;
  message: string;
}

describe('technical failures notify the incident-response R and A', () => {
  let t: TestApp;
  let target: Endpoint;
  let notify: Endpoint;

  const inboxFor = async (runId: string): Promise<Item[]> =>
    (await t.app.inject('/api/inbox?status=open'))
      .json<{ items: Item[] }>()
      .items.filter((i) => i.runId === runId);
  const hook = (flow: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/hooks/${flow}`, payload: body });

  beforeAll(async () => {
    target = await startEndpoint((_req, res) => void res.writeHead(503).end());
    notify = await startEndpoint((_req, res) => void res.writeHead(200).end());
    t = await startTestApp(
      { egressAllow: ['127.0.0.1'] },
      { sleep: async () => undefined, notifications: { intervalMs: 0 } },
    );
    await t.app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'down-api', kind: 'http', config: { url: `${target.url}/orders`, maxAttempts: 2 } },
    });
    // With an incident-response row on the edge into the write: R integration-team, A ops-lead.
    const withRaci = exampleWritingVia('down-api', 'orders');
    withRaci.edges.find((e) => e.id === 'e_fulfil')!.raci = {
      rows: [
        {
          id: 'incidentResponse',
          label: 'Incident response',
          responsible: ['integration-team'],
          accountable: ['ops-lead'],
          consulted: [],
          informed: ['crm-admin'],
        },
      ],
    };
    await publishDirect(t.app, 'fail-raci', withRaci);
    // Without RACI on that edge: the owner lookup decides.
    await publishDirect(t.app, 'fail-lookup', exampleWritingVia('down-api', 'orders'));
    await t.app.inject({
      method: 'PATCH',
      url: '/api/owners/ops-lead',
      payload: { webhookUrl: `${notify.url}/baton`, webhookSecret: 'incident-secret' },
    });
  });
  afterAll(async () => {
    await t.close();
    await target.close();
    await notify.close();
  });

  it('opens one item per R and A with the error, and POSTs a signed webhook linking the run', async () => {
    const res = await hook('fail-raci', order('SO-40001'));
    expect([res.statusCode, res.json().code]).toEqual([502, 'run_failed']);
    const runId = res.json().runId as string;
    await t.app.notifier.tick();
    const items = await inboxFor(runId);
    expect(items.map((i) => i.ownerId).sort()).toEqual(['integration-team', 'ops-lead']);
    for (const item of items) {
      expect(item).toMatchObject({
        kind: 'failed',
        edgeId: 'e_fulfil',
        nodeId: 'n_write',
        rule: 'connectivity',
      });
      expect(item.message).toMatch(/503|attempts/);
    }
    const sent = notify.requests.find((r) => (r.body as { item: Item }).item.runId === runId)!;
    expect(sent.body).toMatchObject({
      type: 'baton.failed',
      runPath: `/runs/${runId}`,
      item: { ownerId: 'ops-lead' },
    });
    const [ts, v1] = String(sent.headers['x-baton-signature']).split(',');
    const mac = createHmac('sha256', 'incident-secret')
      .update(`${ts!.slice(2)}.${JSON.stringify(sent.body)}`)
      .digest('hex');
    expect(v1).toBe(`v1=${mac}`);

    // Once per run: later sweeps add nothing for it.
    await t.app.notifier.tick();
    expect(await inboxFor(runId)).toHaveLength(2);
    expect(notify.requests.filter((r) => (r.body as { item: Item }).item.runId === runId)).toHaveLength(1);
  });

  it('falls back to the owner lookup’s connectivity owner for a target error without RACI', async () => {
    const res = await hook('fail-lookup', order('SO-40002'));
    expect(res.statusCode).toBe(502);
    await t.app.notifier.tick();
    const items = await inboxFor(res.json().runId as string);
    expect(items.map((i) => [i.ownerId, i.kind, i.rule])).toEqual([
      ['integration-team', 'failed', 'connectivity'],
    ]);
  });

  it('routes a validation rule’s rejection to the business-rule owner when the edge has no data-quality R/A', async () => {
    await t.app.inject({
      method: 'PUT',
      url: '/api/owner-lookup/businessRule',
      payload: { ownerId: 'integration-team' },
    });
    const res = await hook('fail-lookup', order('SO-40003', { total: '-5.00' }));
    expect([res.statusCode, res.json().code]).toEqual([422, 'record_rejected']);
    await t.app.notifier.tick();
    const items = await inboxFor(res.json().runId as string);
    expect(items.map((i) => [i.ownerId, i.kind, i.rule])).toEqual([
      ['integration-team', 'rejected', 'total_positive'],
    ]);
  });
});

describe('failureItemsForRun', () => {
  const run = (steps: RunDetail['steps'], error: string | null = null) =>
    ({ id: 'run_1', flowId: 'f', status: 'failed', error, steps }) as unknown as RunDetail;
  const plan = { edges: [] } as unknown as Plan;
  const lookup = [
    { category: 'connectivity' as const, ownerId: 'net' },
    { category: 'downstreamProcessing' as const, ownerId: 'ops' },
  ];

  it('sends a failure outside a write step to the downstream-processing owner', () => {
    const step: Step = {
      seq: 2,
      nodeId: 'n_map',
      kind: 'mapping',
      label: 'Map',
      viaEdge: 'e_map',
      status: 'failed',
      input: {},
      output: null,
      checks: [],
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 1,
      error: 'boom',
    };
    const items = failureItemsForRun(run([step]), plan, lookup, '2026-01-01T00:00:00.000Z');
    expect(items).toEqual([
      expect.objectContaining({
        ownerId: 'ops',
        kind: 'failed',
        edgeId: 'e_map',
        message: 'Map failed: boom',
      }),
    ]);
  });

  it('notifies the downstream-processing owner of a run that failed before any step', () => {
    const items = failureItemsForRun(run([], 'no plan'), null, lookup, '2026-01-01T00:00:00.000Z');
    expect(items.map((i) => [i.ownerId, i.edgeId, i.message])).toEqual([
      ['ops', null, 'run failed: no plan'],
    ]);
  });
});
