import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@baton/store';
import { authHeaders } from '../support/auth.js';
import { startTestApp, type TestApp } from '../test-app.js';

const candidate = {
  name: 'Order to fulfilment',
  systemFrom: 'CRM',
  systemTo: 'ERP',
  frequencyPerWeek: 40,
  impact: 5,
  notes: 'retyped by hand today',
  rationale: 'most frequent hand-off with the most rework',
};

describe('playbook API: scoping candidates', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('creates, lists with quadrants, patches and deletes candidates', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/playbook/candidates',
      payload: candidate,
    });
    expect(created.statusCode).toBe(201);
    const body = created.json<{ id: string; quadrant: string; flowId: null }>();
    expect(body).toMatchObject({ ...candidate, quadrant: 'pilot', flowId: null });
    const rare = await t.app.inject({
      method: 'POST',
      url: '/api/playbook/candidates',
      payload: { ...candidate, name: 'Quarterly close', frequencyPerWeek: 0.25, impact: 4 },
    });
    expect(rare.json()).toMatchObject({ quadrant: 'high-impact', notes: candidate.notes });

    const list = await t.app.inject({ method: 'GET', url: '/api/playbook/candidates' });
    expect(list.json()).toMatchObject({
      thresholds: { frequencyPerWeek: 5, impact: 3 },
      items: [{ name: candidate.name }, { name: 'Quarterly close' }],
    });

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/playbook/candidates/${body.id}`,
      payload: { impact: 2, rationale: 'frequent but cheap' },
    });
    expect(patched.json()).toMatchObject({
      impact: 2,
      quadrant: 'frequent',
      rationale: 'frequent but cheap',
    });

    const gone = await t.app.inject({ method: 'DELETE', url: `/api/playbook/candidates/${body.id}` });
    expect(gone.statusCode).toBe(204);
    const again = await t.app.inject({ method: 'GET', url: `/api/playbook/candidates/${body.id}` });
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ code: 'candidate_not_found' });
  });

  it('refuses bad candidates with validation_failed problems', async () => {
    for (const payload of [
      { ...candidate, impact: 6 },
      { ...candidate, impact: '3' },
      { ...candidate, frequencyPerWeek: -1 },
      { ...candidate, name: '' },
      { ...candidate, extra: true },
      { name: 'no systems' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/playbook/candidates', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('makes a flow from a candidate through POST /api/flows, linked back, once', async () => {
    const { id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/playbook/candidates',
        payload: { ...candidate, name: 'Invoice hand-off' },
      })
    ).json<{ id: string }>();
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/playbook/candidates/${id}/flow`,
      payload: {},
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      flowId: 'invoice-hand-off',
      candidate: { id, flowId: 'invoice-hand-off' },
    });
    const flow = await t.app.inject({ method: 'GET', url: '/api/flows/invoice-hand-off' });
    expect(flow.json()).toMatchObject({
      name: 'Invoice hand-off',
      description: expect.stringContaining('CRM → ERP'),
    });
    // The audit log says who created it, as for any new flow.
    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?action=flow.create' });
    expect(audit.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ targetId: 'invoice-hand-off', actor: 'test-admin' }),
      ]),
    );

    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/playbook/candidates/${id}/flow`,
      payload: {},
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'candidate_has_flow', flowId: 'invoice-hand-off' });

    // A second candidate with a taken flow id answers POST /api/flows's own problem.
    const other = (
      await t.app.inject({ method: 'POST', url: '/api/playbook/candidates', payload: candidate })
    ).json<{ id: string }>();
    const taken = await t.app.inject({
      method: 'POST',
      url: `/api/playbook/candidates/${other.id}/flow`,
      payload: { id: 'invoice-hand-off' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'flow_exists' });
  });
});

describe('playbook API: a flow from a candidate with a long rationale', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('cuts the flow description to what POST /api/flows accepts', async () => {
    const { id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/playbook/candidates',
        payload: { ...candidate, rationale: 'because '.repeat(450) },
      })
    ).json<{ id: string }>();
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/playbook/candidates/${id}/flow`,
      payload: {},
    });
    expect(made.statusCode, made.body).toBe(201);
    const flow = await t.app.inject({
      method: 'GET',
      url: `/api/flows/${made.json<{ flowId: string }>().flowId}`,
    });
    expect(flow.json<{ description: string }>().description).toHaveLength(2000);
  });
});

describe('playbook API: risk register', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.inject({ method: 'POST', url: '/api/flows', payload: { id: 'risky', name: 'Risky' } });
  });
  afterAll(() => t.close());

  it('keeps risks sorted by likelihood × impact and edits them', async () => {
    const add = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/flows/risky/risks', payload });
    const low = (await add({ risk: 'Schema drift', likelihood: 2, impact: 2 })).json<{ id: string }>();
    const high = await add({
      risk: 'ERP downtime at month end',
      likelihood: 4,
      impact: 5,
      mitigation: 'queue and retry',
      ownerId: 'ops-lead',
    });
    expect(high.statusCode).toBe(201);
    expect(high.json()).toMatchObject({ score: 20, status: 'open', ownerId: 'ops-lead' });
    const list = await t.app.inject({ method: 'GET', url: '/api/flows/risky/risks' });
    expect(list.json().items.map((r: { score: number }) => r.score)).toEqual([20, 4]);

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/flows/risky/risks/${low.id}`,
      payload: { likelihood: 5, impact: 5, status: 'mitigated' },
    });
    expect(patched.json()).toMatchObject({ score: 25, status: 'mitigated' });
    const resorted = await t.app.inject({ method: 'GET', url: '/api/flows/risky/risks' });
    expect(resorted.json().items[0].id).toBe(low.id);
  });

  it('answers stable problem codes for bad input', async () => {
    const cases: Array<[string, string, Record<string, unknown> | undefined, number, string]> = [
      ['POST', '/api/flows/risky/risks', { risk: 'x', likelihood: 0, impact: 3 }, 400, 'validation_failed'],
      [
        'POST',
        '/api/flows/risky/risks',
        { risk: 'x', likelihood: 3, impact: 3, status: 'gone' },
        400,
        'validation_failed',
      ],
      [
        'POST',
        '/api/flows/risky/risks',
        { risk: 'x', likelihood: 3, impact: 3, ownerId: 'nobody' },
        422,
        'owner_not_found',
      ],
      ['POST', '/api/flows/nope/risks', { risk: 'x', likelihood: 3, impact: 3 }, 404, 'flow_not_found'],
      ['PATCH', '/api/flows/risky/risks/risk_missing', { status: 'closed' }, 404, 'risk_not_found'],
      ['DELETE', '/api/flows/risky/risks/risk_missing', undefined, 404, 'risk_not_found'],
    ];
    for (const [method, url, payload, status, code] of cases) {
      const res = await t.app.inject({ method: method as 'POST', url, ...(payload && { payload }) });
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expect(res.json()).toMatchObject({ code });
    }
  });
});

describe('playbook API: retrospectives and backlog', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.inject({ method: 'POST', url: '/api/flows', payload: { id: 'pilot', name: 'Pilot' } });
  });
  afterAll(() => t.close());

  it('turns retrospective items into a backlog ranked by frequency × impact', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/flows/pilot/retrospectives',
      payload: {
        wentWell: 'owners answered within a day',
        wentBadly: 'baseline came late',
        items: [
          { title: 'Import the baseline in week 1', frequency: 2, impact: 4 },
          { title: 'Alert on dead letters', frequency: 5, impact: 4 },
          { title: 'Rename confusing fields', frequency: 3, impact: 1 },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().items.map((i: { score: number }) => i.score)).toEqual([20, 8, 3]);
    const backlog = await t.app.inject({ method: 'GET', url: '/api/playbook/backlog?flowId=pilot' });
    const items = backlog.json<{ items: Array<{ id: string; title: string; status: string }> }>().items;
    expect(items.map((i) => i.title)).toEqual([
      'Alert on dead letters',
      'Import the baseline in week 1',
      'Rename confusing fields',
    ]);
    const done = await t.app.inject({
      method: 'PATCH',
      url: `/api/playbook/backlog/${items[0]!.id}`,
      payload: { status: 'done' },
    });
    expect(done.json()).toMatchObject({ status: 'done', score: 20 });
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/playbook/backlog/${items[0]!.id}`,
      payload: { status: 'finished' },
    });
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    const missing = await t.app.inject({
      method: 'PATCH',
      url: '/api/playbook/backlog/bl_missing',
      payload: { status: 'done' },
    });
    expect(missing.json()).toMatchObject({ code: 'backlog_item_not_found' });
    const retros = await t.app.inject({ method: 'GET', url: '/api/flows/pilot/retrospectives' });
    expect(retros.json().items[0]).toMatchObject({
      wentWell: 'owners answered within a day',
      author: 'test-admin',
    });
  });
});

describe('playbook API: access rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.inject({ method: 'POST', url: '/api/flows', payload: { id: 'roles', name: 'Roles' } });
  });
  afterAll(() => t.close());

  const as = async (role: Role) => authHeaders(t.app, role);

  it('lets viewers read but not edit; owners and analysts edit', async () => {
    const viewer = await as('viewer');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/playbook/candidates', headers: viewer })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/flows/roles/risks', headers: viewer })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/flows/roles/runbook', headers: viewer })).statusCode,
    ).toBe(200);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/flows/roles/risks',
      headers: viewer,
      payload: { risk: 'x', likelihood: 1, impact: 1 },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden' });
    const runbook = await t.app.inject({
      method: 'PUT',
      url: '/api/flows/roles/runbook',
      headers: viewer,
      payload: { body: '# no' },
    });
    expect(runbook.statusCode).toBe(403);

    for (const role of ['owner', 'analyst'] as const) {
      const headers = await as(role);
      const risk = await t.app.inject({
        method: 'POST',
        url: '/api/flows/roles/risks',
        headers,
        payload: { risk: `by ${role}`, likelihood: 1, impact: 1 },
      });
      expect(risk.statusCode, role).toBe(201);
      const saved = await t.app.inject({
        method: 'PUT',
        url: '/api/flows/roles/runbook',
        headers,
        payload: { body: `# by ${role}` },
      });
      expect(saved.json()).toMatchObject({ author: `test-${role}` });
    }
  });

  it('lets only admins and analysts make a flow from a candidate (as POST /api/flows does)', async () => {
    const owner = await as('owner');
    const { id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/playbook/candidates',
        headers: owner,
        payload: candidate,
      })
    ).json<{ id: string }>();
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/playbook/candidates/${id}/flow`,
      headers: owner,
      payload: {},
    });
    expect(refused.statusCode).toBe(403);
    const analyst = await as('analyst');
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/playbook/candidates/${id}/flow`,
      headers: analyst,
      payload: {},
    });
    expect(made.statusCode).toBe(201);
  });
});
