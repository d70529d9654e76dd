import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Headers } from './support/auth.js';
import { changeNote, exampleSourceWritingTo, startTestApp, type TestApp } from './test-app.js';

describe('the gate: submit, sign off, approve, publish, reject, roll back', () => {
  let t: TestApp;
  let analyst: Headers;
  let admin: Headers;
  let otherAdmin: Headers;
  let owner: Headers;
  const source = exampleSourceWritingTo('gate_orders');

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: unknown) => {
    const res = await t.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return {
      status: res.statusCode,
      body: res.body ? res.json<Record<string, unknown> & { code?: string }>() : {},
    };
  };
  const submit = (headers: Headers) => call('POST', '/api/flows/gate/versions', headers, { changeNote });

  beforeAll(async () => {
    t = await startTestApp({}, {}, { as: null });
    analyst = await authHeaders(t.app, 'analyst');
    admin = await authHeaders(t.app, 'admin');
    otherAdmin = await authHeaders(t.app, 'admin', { username: 'second-admin' });
    owner = await authHeaders(t.app, 'owner');
    expect((await call('POST', '/api/flows', analyst, { id: 'gate', name: 'Gate' })).status).toBe(201);
    expect((await call('PUT', '/api/flows/gate/draft', analyst, source)).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('submits v1 in review, with its author and the owners of its new fields to consult', async () => {
    const res = await submit(analyst);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, state: 'in_review' });
    const v1 = (await call('GET', '/api/flows/gate/versions/1', analyst)).body;
    expect(v1).toMatchObject({ author: 'test-analyst', state: 'in_review', signOffs: [], approvedBy: null });
    expect((v1.requiredSignOffs as Array<{ ownerId: string }>).map((r) => r.ownerId)).toContain('crm-admin');
  });

  it('refuses to publish a version that is not approved', async () => {
    const res = await call('POST', '/api/flows/gate/versions/1/publish', admin);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'version_state_conflict', state: 'in_review' });
  });

  it('answers 409 naming who is pending while owners have not signed off', async () => {
    const res = await call('POST', '/api/flows/gate/versions/1/approve', admin, {});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('sign_off_pending');
    const pending = res.body.pending as Array<{ ownerId: string; fields: string[]; users: string[] }>;
    const crm = pending.find((p) => p.ownerId === 'crm-admin');
    expect(crm?.users).toContain('test-owner');
    expect(crm?.fields).toContain('order_id');
    expect(res.body.detail).toContain('crm-admin');
  });

  it('lets only the owners the version waits on sign off', async () => {
    const stranger = await authHeaders(t.app, 'owner', { username: 'billing-owner', ownerId: 'billing' });
    const refused = await call('POST', '/api/flows/gate/versions/1/sign-off', stranger);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('sign_off_not_needed');
    const v1 = (await call('GET', '/api/flows/gate/versions/1', admin)).body;
    for (const { ownerId } of v1.requiredSignOffs as Array<{ ownerId: string }>) {
      const headers =
        ownerId === 'crm-admin'
          ? owner
          : await authHeaders(t.app, 'owner', { username: `o-${ownerId}`, ownerId });
      const signed = await call('POST', '/api/flows/gate/versions/1/sign-off', headers);
      expect(signed.status).toBe(200);
    }
    const after = (await call('GET', '/api/flows/gate/versions/1', admin)).body;
    expect(
      (after.signOffs as Array<{ ownerId: string; contentHash: string }>).every(
        (s) => s.contentHash === after.contentHash,
      ),
    ).toBe(true);
  });

  it('never lets the author approve their own version, not even an admin', async () => {
    await call('PUT', '/api/flows/gate/draft', admin, {
      ...source,
      meta: { ...source.meta, slaMinutes: 120 },
    });
    const v2 = await submit(admin);
    expect(v2.body.version).toBe(2);
    const res = await call('POST', '/api/flows/gate/versions/2/approve', admin, {});
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'self_approval_forbidden', author: 'test-admin' });
  });

  it('binds an approval to the content hash the reviewer saw', async () => {
    const res = await call('POST', '/api/flows/gate/versions/1/approve', admin, {
      contentHash: 'sha-of-something-else',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('version_content_changed');
  });

  it('approves and publishes; publishing again is a no-op, approving again is a conflict', async () => {
    const v1 = (await call('GET', '/api/flows/gate/versions/1', admin)).body;
    const approved = await call('POST', '/api/flows/gate/versions/1/approve', admin, {
      contentHash: v1.contentHash,
      note: 'looks right',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      approvedBy: 'test-admin',
      approvedHash: v1.contentHash,
      pendingSignOffs: [],
    });
    expect((await call('POST', '/api/flows/gate/versions/1/approve', admin, {})).status).toBe(409);
    const published = await call('POST', '/api/flows/gate/versions/1/publish', admin);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ version: 1, state: 'published', supersededVersion: null });
    expect((await call('POST', '/api/flows/gate/versions/1/publish', admin)).status).toBe(200);
    expect((await call('GET', '/api/flows/gate/versions/1', admin)).body.publishedBy).toBe('test-admin');
  });

  it('accepts an approve with no body at all', async () => {
    // v2 changed no contract field: no sign-off needed; its author is test-admin, so the second admin approves.
    const v2 = (await call('GET', '/api/flows/gate/versions/2', admin)).body;
    expect(v2.requiredSignOffs).toEqual([]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/flows/gate/versions/2/approve',
      headers: otherAdmin,
    });
    expect(res.statusCode).toBe(200);
  });

  it('publishing v2 supersedes v1 atomically', async () => {
    const res = await call('POST', '/api/flows/gate/versions/2/publish', otherAdmin);
    expect(res.body).toMatchObject({ version: 2, state: 'published', supersededVersion: 1 });
    const list = (await call('GET', '/api/flows/gate/versions', admin)).body.items as Array<{
      version: number;
      state: string;
    }>;
    expect(list.map((v) => [v.version, v.state])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    // A superseded version comes back by rollback, not by publishing it again.
    expect((await call('POST', '/api/flows/gate/versions/1/publish', admin)).body.code).toBe(
      'version_state_conflict',
    );
  });

  it('rolls back to v1 with a reason, audited; only a superseded version can be rolled back to', async () => {
    const noReason = await call('POST', '/api/flows/gate/rollback', admin, { version: 1 });
    expect(noReason.status).toBe(400);
    const toLive = await call('POST', '/api/flows/gate/rollback', admin, { version: 2, reason: 'x' });
    expect(toLive.status).toBe(200); // the live version: nothing to do
    const res = await call('POST', '/api/flows/gate/rollback', admin, {
      version: 1,
      reason: 'v2 breaks fulfilment',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, state: 'published', supersededVersion: 2 });
    const audit = (await call('GET', '/api/audit?action=version.rollback', admin)).body.items as Array<
      Record<string, unknown>
    >;
    expect(audit[0]).toMatchObject({
      actor: 'test-admin',
      targetId: 'gate@1',
      reason: 'v2 breaks fulfilment',
      details: { from: 2, to: 1 },
    });
    const hook = await t.app.inject({
      method: 'POST',
      url: '/hooks/gate',
      headers: analyst,
      payload: { order_id: 'SO-11111', account_number: 'AC-123456', order_date: '2026-03-01', total: '10' },
    });
    expect(hook.json().version).toBe(1);
  });

  it('rejects with a reason; a rejected version cannot be approved or published', async () => {
    await call('PUT', '/api/flows/gate/draft', analyst, {
      ...source,
      meta: { ...source.meta, slaMinutes: 60 },
    });
    expect((await submit(analyst)).body.version).toBe(3);
    expect((await call('POST', '/api/flows/gate/versions/3/reject', admin, {})).status).toBe(400);
    const rejected = await call('POST', '/api/flows/gate/versions/3/reject', admin, {
      reason: 'SLA too tight',
    });
    expect(rejected.body).toMatchObject({
      state: 'rejected',
      rejectedBy: 'test-admin',
      reviewNote: 'SLA too tight',
    });
    expect((await call('POST', '/api/flows/gate/versions/3/approve', otherAdmin, {})).body.code).toBe(
      'version_state_conflict',
    );
    expect((await call('POST', '/api/flows/gate/versions/3/publish', admin)).body.code).toBe(
      'version_state_conflict',
    );
  });

  it('refuses to approve a version whose stored content was tampered with', async () => {
    await call('PUT', '/api/flows/gate/draft', analyst, {
      ...source,
      meta: { ...source.meta, slaMinutes: 90 },
    });
    expect((await submit(analyst)).body.version).toBe(4);
    const db = new Database(join(t.config.dataDir, 'baton.sqlite'));
    try {
      db.exec('DROP TRIGGER versions_immutable');
      db.prepare(
        `UPDATE versions SET definition = json_set(definition, '$.recordKey', json('["x"]')) WHERE flow_id = 'gate' AND version = 4`,
      ).run();
    } finally {
      db.close();
    }
    const res = await call('POST', '/api/flows/gate/versions/4/approve', admin, {});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('version_content_changed');
  });

  it('diffs two versions: the graph, the contract with breaking flags, the RACI', async () => {
    const changed = structuredClone(source);
    const crm = changed.edges.find((e) => e.contract?.fields.some((f) => f.name === 'order_id'))!;
    crm.contract!.fields = crm.contract!.fields.filter((f) => f.name !== 'email');
    const orderId = crm.contract!.fields.find((f) => f.name === 'order_id')!;
    orderId.pattern = '^SO-\\d{6}$';
    crm.contract!.fields.push({ name: 'channel', type: 'string', required: false, owner: 'crm-admin' });
    const mapping = changed.nodes.find((n) => n.kind === 'mapping')!;
    mapping.label = 'Clean CRM order';
    if (crm.raci) crm.raci.rows[0]!.informed = [...crm.raci.rows[0]!.informed, 'ops-lead'];
    await call('PUT', '/api/flows/gate/draft', analyst, changed);
    expect((await submit(analyst)).body.version).toBe(5);
    const diff = await call('GET', '/api/flows/gate/versions/2/diff/5', analyst);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({
      flowId: 'gate',
      from: { version: 2 },
      to: { version: 5 },
      breaking: true,
    });
    const nodes = diff.body.nodes as Array<{ id: string; status: string; changes: Array<{ path: string }> }>;
    expect(nodes.find((n) => n.id === mapping.id)).toMatchObject({
      status: 'changed',
      changes: [{ path: 'label' }],
    });
    const edge = (
      diff.body.edges as Array<{
        id: string;
        contract: { changes: Array<{ field: string; change: string; breaking: boolean }> };
        raci: unknown[];
      }>
    ).find((e) => e.id === crm.id)!;
    expect(edge.contract.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email', change: 'field_removed', breaking: true }),
        expect.objectContaining({ field: 'order_id', change: 'pattern_changed', breaking: true }),
        expect.objectContaining({ field: 'channel', change: 'field_added', breaking: false }),
      ]),
    );
    if (crm.raci) expect(edge.raci).toEqual([expect.objectContaining({ role: 'informed' })]);
    expect((await call('GET', '/api/flows/gate/versions/2/diff/99', analyst)).status).toBe(404);
    const same = await call('GET', '/api/flows/gate/versions/2/diff/2', analyst);
    expect(same.body).toMatchObject({ breaking: false, nodes: [], edges: [] });
  });

  it('lists what waits in the gate, and whether the caller may approve it', async () => {
    const asAnalyst = (await call('GET', '/api/approvals', analyst)).body.items as Array<
      Record<string, unknown>
    >;
    const v5 = asAnalyst.find((i) => i.flowId === 'gate' && i.version === 5)!;
    expect(v5).toMatchObject({ canApprove: false, cannotApproveReason: 'only an admin approves' });
    const asOwner = (await call('GET', '/api/approvals', owner)).body.items as Array<Record<string, unknown>>;
    expect(asOwner.find((i) => i.version === 5)?.awaitingMySignOff).toEqual(
      expect.arrayContaining(['channel', 'email', 'order_id']),
    );
    const asAdmin = (await call('GET', '/api/approvals', admin)).body.items as Array<Record<string, unknown>>;
    expect(asAdmin.find((i) => i.version === 5)?.cannotApproveReason).toMatch(
      /waiting for sign-off from .*crm-admin/,
    );
  });

  it('records every step of the gate in the audit log', async () => {
    const actions = (
      (await call('GET', '/api/audit?targetKind=version&limit=200', admin)).body.items as Array<{
        action: string;
      }>
    ).map((e) => e.action);
    for (const action of [
      'version.submit',
      'version.sign_off',
      'version.approve',
      'version.publish',
      'version.reject',
      'version.rollback',
    ]) {
      expect(actions).toContain(action);
    }
  });
});
