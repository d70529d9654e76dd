import { compile } from '@baton/compiler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../src/routes/templates.js';
import { EXAMPLES_DIR, startTestApp, type TestApp } from './test-app.js';

const TEMPLATE_IDS = [
  'crm-order-to-fulfilment',
  'intake-form-to-case-record',
  'ticket-to-billing-adjustment',
];

describe('hand-off templates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('ships the three operations templates, each compiling without errors or warnings', async () => {
    const templates = await loadTemplates(EXAMPLES_DIR);
    expect(templates.map((tpl) => tpl.summary.id)).toEqual(TEMPLATE_IDS);
    for (const { summary, source } of templates) {
      const { definition, diagnostics } = compile(source);
      // Info notes ("records stop here" at the ledger) are fine; errors and warnings are not.
      expect(
        diagnostics.filter((d) => d.severity !== 'info'),
        summary.id,
      ).toEqual([]);
      expect(definition, summary.id).not.toBeNull();
      // A full hand-off: every kind, contracts with owners and RACI on the edges that cross systems.
      expect(new Set(source.nodes.map((n) => n.kind))).toEqual(
        new Set(['trigger', 'mapping', 'validation', 'write', 'log']),
      );
      const contracted = source.edges.filter((e) => e.contract && e.contract.fields.length > 0);
      expect(contracted.length, summary.id).toBeGreaterThanOrEqual(2);
      for (const edge of contracted) {
        expect(edge.raci?.rows.length, `${summary.id} ${edge.id}`).toBeGreaterThan(0);
        for (const field of edge.contract?.fields ?? []) expect(field.owner).toBeTruthy();
      }
      expect(summary.sampleRecords.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('lists the templates for editors', async () => {
    const res = await t.app.inject('/api/templates');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; title: string; owners: string[] }[];
    expect(items.map((i) => i.id)).toEqual(TEMPLATE_IDS);
    expect(items[0]).toMatchObject({ title: 'CRM order → fulfilment queue', fromSystem: 'CRM' });
    expect(items[0]?.owners).toContain('sales-ops');
  });

  it.each(TEMPLATE_IDS)(
    'creates a flow from %s with fresh ids that test-runs its first sample',
    async (id) => {
      const [template] = (await loadTemplates(EXAMPLES_DIR)).filter((tpl) => tpl.summary.id === id);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/flows',
        payload: { name: template!.summary.title, templateId: id },
      });
      expect(created.statusCode).toBe(201);
      const flowId = created.json().id as string;
      expect(created.json().description).toBe(template!.source.meta.description);

      const draft = (await t.app.inject(`/api/flows/${flowId}/draft`)).json();
      expect(draft.nodes).toHaveLength(template!.source.nodes.length);
      // New opaque ids, edges and layout remapped consistently.
      const nodeIds = new Set(draft.nodes.map((n: { id: string }) => n.id));
      for (const n of draft.nodes) expect(n.id).toMatch(/^n_[a-z0-9]{8}$/);
      for (const e of draft.edges) {
        expect(nodeIds.has(e.source.node) && nodeIds.has(e.target.node)).toBe(true);
      }
      expect(new Set(Object.keys(draft.layout.nodes))).toEqual(nodeIds);

      const run = await t.app.inject({
        method: 'POST',
        url: `/api/flows/${flowId}/test-run`,
        payload: { record: template!.summary.sampleRecords[0] },
      });
      expect(run.statusCode).toBe(200);
      expect(run.json().status).toBe('succeeded');
      expect(run.json().steps.map((s: { kind: string }) => s.kind)).toEqual([
        'trigger',
        'mapping',
        'validation',
        'write',
        'log',
      ]);
    },
  );

  it('gives a second flow from the same template a free slug instead of a conflict', async () => {
    const payload = { name: 'Intake copy', templateId: 'intake-form-to-case-record' };
    const first = await t.app.inject({ method: 'POST', url: '/api/flows', payload });
    const second = await t.app.inject({ method: 'POST', url: '/api/flows', payload });
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(`${first.json().id}-2`);
  });

  it('answers 400 template_not_found for an unknown template', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/flows',
      payload: { name: 'X flow', templateId: 'no-such-template' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'template_not_found', templateId: 'no-such-template' });
  });

  it('refuses the template list to viewers', async () => {
    const viewer = await startTestApp({}, {}, { as: 'viewer' });
    try {
      expect((await viewer.app.inject('/api/templates')).statusCode).toBe(403);
    } finally {
      await viewer.close();
    }
  });
});
