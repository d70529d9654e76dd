import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveVersion,
  changeNote,
  exampleSourceWritingTo,
  startTestApp,
  type TestApp,
} from '../test-app.js';

const FLOW = 'runbook-flow';

describe('runbook revisions are versioned with the flow', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const save = (body: string) =>
    t.app.inject({ method: 'PUT', url: `/api/flows/${FLOW}/runbook`, payload: { body } });
  const read = async (query = '') =>
    (await t.app.inject({ method: 'GET', url: `/api/flows/${FLOW}/runbook${query}` })).json<{
      revision: number | null;
      body: string;
      version: number | null;
      latestRevision: number | null;
      ownerLookup: Array<{
        category: string;
        ownerId: string | null;
        contact: string | null;
        escalation: string;
      }>;
    }>();
  const submitAndPublish = async (reason: string) => {
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/flows/${FLOW}/versions`,
      payload: { changeNote: { ...changeNote, reason } },
    });
    const n = submitted.json<{ version: number }>().version;
    await approveVersion(t.app, FLOW, n);
    const published = await t.app.inject({ method: 'POST', url: `/api/flows/${FLOW}/versions/${n}/publish` });
    expect(published.statusCode).toBe(200);
    return n;
  };

  it('keeps every save and shows a version the revision it was published with', async () => {
    await t.app.inject({ method: 'POST', url: '/api/flows', payload: { id: FLOW, name: 'Runbook flow' } });
    expect(await read()).toMatchObject({ revision: null, body: '', latestRevision: null });

    expect((await save('# Runbook\n\nfirst')).json()).toMatchObject({ revision: 1, author: 'test-admin' });
    expect((await save('# Runbook\n\nsecond')).json()).toMatchObject({ revision: 2 });

    await t.app.inject({
      method: 'PUT',
      url: `/api/flows/${FLOW}/draft`,
      payload: exampleSourceWritingTo('rb_orders'),
    });
    const v1 = await submitAndPublish('first release');

    await save('# Runbook\n\nthird, after v1');
    expect(await read(`?version=${v1}`)).toMatchObject({
      revision: 2,
      body: '# Runbook\n\nsecond',
      version: v1,
      latestRevision: 3,
    });
    expect(await read()).toMatchObject({ revision: 3, body: '# Runbook\n\nthird, after v1' });
    expect(await read('?revision=1')).toMatchObject({ revision: 1, body: '# Runbook\n\nfirst' });

    const source = exampleSourceWritingTo('rb_orders');
    source.meta = { ...source.meta, description: 'second version' };
    await t.app.inject({ method: 'PUT', url: `/api/flows/${FLOW}/draft`, payload: source });
    const v2 = await submitAndPublish('second release');
    expect(await read(`?version=${v2}`)).toMatchObject({ revision: 3 });

    // Rolling back to v1 republishes it with the runbook it shipped with.
    await save('# Runbook\n\nfourth');
    const rollback = await t.app.inject({
      method: 'POST',
      url: `/api/flows/${FLOW}/rollback`,
      payload: { version: v1, reason: 'test' },
    });
    expect(rollback.statusCode).toBe(200);
    expect(await read(`?version=${v1}`)).toMatchObject({ revision: 2 });

    const revisions = await t.app.inject({ method: 'GET', url: `/api/flows/${FLOW}/runbook/revisions` });
    expect(revisions.json().items).toEqual([
      expect.objectContaining({ revision: 4, versions: [] }),
      expect.objectContaining({ revision: 3, versions: [v2] }),
      expect.objectContaining({ revision: 2, versions: [v1] }),
      expect.objectContaining({ revision: 1, versions: [] }),
    ]);
  });

  it('shows the owner lookup with contact and escalation', async () => {
    const runbook = await read();
    expect(runbook.ownerLookup.map((r) => r.category)).toEqual([
      'dataQuality',
      'connectivity',
      'downstreamProcessing',
      'businessRule',
    ]);
    for (const row of runbook.ownerLookup) expect(row.escalation.length).toBeGreaterThan(10);
  });

  it('answers stable codes for a missing revision, version or flow', async () => {
    const cases: Array<[string, number, string]> = [
      [`/api/flows/${FLOW}/runbook?revision=99`, 404, 'runbook_revision_not_found'],
      [`/api/flows/${FLOW}/runbook?version=99`, 404, 'version_not_found'],
      [`/api/flows/${FLOW}/runbook?version=zero`, 400, 'validation_failed'],
      ['/api/flows/nope/runbook', 404, 'flow_not_found'],
    ];
    for (const [url, status, code] of cases) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(status);
      expect(res.json()).toMatchObject({ code });
    }
    const tooBig = await t.app.inject({
      method: 'PUT',
      url: `/api/flows/${FLOW}/runbook`,
      payload: { body: 42 },
    });
    expect(tooBig.json()).toMatchObject({ code: 'validation_failed' });
  });
});
