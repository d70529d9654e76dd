import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import { exampleSourceWritingTo, publishFlow, startTestApp, type TestApp } from './test-app.js';

const FLOW = 'orders-fields';

describe('My fields and edge contract documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { notifications: { intervalMs: 0 } });
    await publishFlow(t.app, FLOW, exampleSourceWritingTo('fields_queue'));
  });
  afterAll(() => t.close());

  it('lists every field an owner owns across flows', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/owners/crm-admin/fields' });
    const items = res.json().items as Array<{ flowId: string; edgeId: string; field: { name: string } }>;
    expect(items.filter((i) => i.edgeId === 'e_crm').map((i) => i.field.name)).toContain('order_id');
    expect(items.some((i) => i.field.name === 'tier')).toBe(false);
    expect(items[0]).toMatchObject({ flowId: FLOW, edgeLabel: 'CRM order webhook → Normalise order fields' });
  });

  it('lets an owner edit only the rules of their own fields', async () => {
    const owner = await authHeaders(t.app, 'owner');
    const url = `/api/owners/crm-admin/fields/${FLOW}/e_crm/order_id`;
    const res = await t.app.inject({
      method: 'PATCH',
      url,
      headers: owner,
      payload: { maxLength: 20, onFail: { action: 'flag', message: 'check the id' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().field).toMatchObject({
      name: 'order_id',
      maxLength: 20,
      onFail: { action: 'flag' },
      owner: 'crm-admin',
    });
    const draft = (await t.app.inject({ method: 'GET', url: `/api/flows/${FLOW}/draft` })).json();
    expect(draft.edges.find((e: { id: string }) => e.id === 'e_crm').contract.fields[0].maxLength).toBe(20);

    const removed = await t.app.inject({
      method: 'PATCH',
      url,
      headers: owner,
      payload: { maxLength: null },
    });
    expect(removed.json().field.maxLength).toBeUndefined();

    // tier on the fulfilment edge belongs to ops-lead.
    const notMine = await t.app.inject({
      method: 'PATCH',
      url: `/api/owners/crm-admin/fields/${FLOW}/e_fulfil/tier`,
      headers: owner,
      payload: { required: true },
    });
    expect([notMine.statusCode, notMine.json().code]).toEqual([403, 'not_field_owner']);
    const actingForOther = await t.app.inject({
      method: 'PATCH',
      url: `/api/owners/ops-lead/fields/${FLOW}/e_fulfil/tier`,
      headers: owner,
      payload: { required: true },
    });
    expect([actingForOther.statusCode, actingForOther.json().code]).toEqual([403, 'not_field_owner']);
    const renaming = await t.app.inject({ method: 'PATCH', url, headers: owner, payload: { name: 'x' } });
    expect(renaming.statusCode).toBe(400);
    const missing = await t.app.inject({
      method: 'PATCH',
      url: `/api/owners/crm-admin/fields/${FLOW}/e_crm/nope`,
      payload: {},
    });
    expect(missing.json().code).toBe('field_not_found');
  });

  it('exports an edge contract as JSON Schema 2020-12 and as ODCS v3 YAML', async () => {
    const schema = await t.app.inject({
      method: 'GET',
      url: `/api/flows/${FLOW}/edges/e_crm/contract/json-schema`,
    });
    expect(schema.json()).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
    });
    expect(schema.json().properties.email['x-baton-classification']).toBe('pii');
    const odcs = await t.app.inject({ method: 'GET', url: `/api/flows/${FLOW}/edges/e_crm/contract/odcs` });
    expect(odcs.headers['content-type']).toMatch(/application\/yaml/);
    expect(odcs.body).toMatch(/^apiVersion: v3\.2\.0\nkind: DataContract\n/);
    expect(odcs.body).toContain('- name: account_number');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/flows/${FLOW}/edges/nope/contract/odcs` })).json().code,
    ).toBe('edge_not_found');
  });

  it('imports ODCS into an edge (preview, then apply) and classifies the change', async () => {
    const yaml = (await t.app.inject({ method: 'GET', url: `/api/flows/${FLOW}/edges/e_crm/contract/odcs` }))
      .body;
    const narrowed = yaml.replace(
      /name: customer_tier\n(\s+)logicalType: string\n\s+physicalType: string\n\s+required: false/,
      'name: customer_tier\n$1logicalType: string\n$1physicalType: string\n$1required: true',
    );
    expect(narrowed).not.toBe(yaml);
    const preview = await t.app.inject({
      method: 'POST',
      url: `/api/flows/${FLOW}/edges/e_crm/contract/import`,
      payload: { format: 'odcs', document: narrowed },
    });
    expect(preview.json()).toMatchObject({
      applied: false,
      report: {
        breaking: true,
        changes: [{ field: 'customer_tier', change: 'became_required', breaking: true }],
      },
    });
    const applied = await t.app.inject({
      method: 'POST',
      url: `/api/flows/${FLOW}/edges/e_crm/contract/import`,
      payload: { format: 'odcs', document: narrowed, apply: true },
    });
    expect(applied.json().applied).toBe(true);
    const changes = await t.app.inject({
      method: 'GET',
      url: `/api/flows/${FLOW}/edges/e_crm/contract/changes`,
    });
    expect(changes.json()).toMatchObject({ against: 1, report: { breaking: true } });
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/flows/${FLOW}/edges/e_crm/contract/import`,
      payload: { format: 'odcs', document: 'kind: Other' },
    });
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'contract_import_failed']);
    const schemaImport = await t.app.inject({
      method: 'POST',
      url: `/api/flows/${FLOW}/edges/e_crm/contract/import`,
      payload: {
        format: 'json-schema',
        document: {
          type: 'object',
          properties: { a: { type: 'string' } },
          required: ['a'],
          additionalProperties: false,
        },
      },
    });
    expect(schemaImport.json().contract).toEqual({
      fields: [{ name: 'a', type: 'string', required: true }],
      extraFields: 'reject',
    });
  });

  it.each([
    ['field removed', { fields: [] }, 'field_removed'],
    ['type changed', { fields: [{ name: 'f', type: 'integer', required: false }] }, 'type_changed'],
    ['became required', { fields: [{ name: 'f', type: 'string', required: true }] }, 'became_required'],
    [
      'allowed values narrowed',
      { fields: [{ name: 'f', type: 'string', required: false, allowed: ['a'] }] },
      'allowed_narrowed',
    ],
    [
      'pattern tightened',
      { fields: [{ name: 'f', type: 'string', required: false, pattern: '^a' }] },
      'pattern_changed',
    ],
    [
      'bound tightened',
      { fields: [{ name: 'f', type: 'string', required: false, maxLength: 3 }] },
      'bound_tightened',
    ],
    [
      'extra fields tightened',
      { fields: [{ name: 'f', type: 'string', required: false }], extraFields: 'reject' },
      'extra_fields_tightened',
    ],
  ])('POST /api/contracts/classify: %s is breaking', async (_what, after, change) => {
    const before = { fields: [{ name: 'f', type: 'string', required: false }], extraFields: 'drop' };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/contracts/classify',
      payload: { before, after: { extraFields: 'drop', ...after } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().breaking).toBe(true);
    expect(res.json().changes).toContainEqual(expect.objectContaining({ change, breaking: true }));
  });

  it('infers a draft contract from a sample', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/contracts/infer',
      payload: { sample: { id: 'SO-1', n: 2, at: '2026-03-15T09:30:00Z', email: 'a@b.c' } },
    });
    expect(res.json().contract.fields).toEqual([
      { name: 'id', type: 'string', required: true },
      { name: 'n', type: 'integer', required: true },
      { name: 'at', type: 'datetime', required: true },
      { name: 'email', type: 'string', required: true, classification: 'pii' },
    ]);
  });
});
