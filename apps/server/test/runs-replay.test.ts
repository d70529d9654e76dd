import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowSource } from '@baton/schema';
import { authHeaders } from './support/auth.js';
import { publishDirect } from './support/reliability.js';
import { exampleSourceWritingTo, sampleRecords, startTestApp, type TestApp } from './test-app.js';

/** The example with a fix: order dates written the European way (18.03.2026) are understood. */
function acceptDottedDates(source: FlowSource): FlowSource {
  const copy = structuredClone(source);
  const mapping = copy.nodes.find((n) => n.kind === 'mapping');
  const fields = (
    mapping?.config as {
      fields: Array<{ to: string; transforms: Array<{ op: string; formats?: string[] }> }>;
    }
  ).fields;
  const date = fields.find((f) => f.to === 'ordered_at')?.transforms.find((t) => t.op === 'date');
  date?.formats?.push('D.M.YYYY');
  return copy;
}

/** The samples, plus an order rejected only for its dotted date: the fix turns it around. */
const records = [
  ...sampleRecords(),
  { ...sampleRecords()[0], order_id: 'SO-10060', order_date: '18.03.2026' },
];

describe('runs: filters, counts, exports, live events, replay and what-if', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  const runIds = new Map<string, string>();
  const source = exampleSourceWritingTo('replay_queue');

  const api = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await t.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: res.body, headers: res.headers, json: () => res.json<T>() };
  };

  beforeAll(async () => {
    t = await startTestApp();
    // An analyst: replays, what-ifs and draft edits are theirs; a viewer is checked for 403 below.
    headers = await authHeaders(t.app, 'analyst');
    await publishDirect(t.app, 'orders', source);
    for (const record of records) {
      const res = await api<{ runId: string }>('POST', '/hooks/orders', record);
      runIds.set(String(record['order_id']).trim(), res.json().runId);
    }
    // The draft now carries the fix the what-if is about.
    expect((await api('PUT', '/api/flows/orders/draft', acceptDottedDates(source))).status).toBe(200);
  });

  afterAll(async () => {
    await t.close();
  });

  it('filters by status, version and search, and counts per status', async () => {
    const all = await api<{ items: Array<{ id: string; status: string }> }>(
      'GET',
      '/api/runs?flowId=orders&limit=200',
    );
    expect(all.json().items).toHaveLength(records.length);

    const counts = await api<{ total: number; byStatus: Record<string, number> }>(
      'GET',
      '/api/runs/counts?flowId=orders&status=rejected',
    );
    expect(counts.status).toBe(200);
    const byStatus = counts.json().byStatus;
    expect(counts.json().total).toBe(records.length);
    expect(byStatus['rejected']).toBe(all.json().items.filter((r) => r.status === 'rejected').length);
    expect(byStatus['duplicate']).toBe(0);

    const search = await api<{ items: Array<{ id: string }> }>('GET', '/api/runs?q=SO-10050&limit=10');
    expect(search.json().items.map((r) => r.id)).toEqual([runIds.get('SO-10050')]);
    const prefix = await api<{ items: unknown[] }>('GET', '/api/runs?q=SO-1004&limit=50');
    expect(prefix.json().items.length).toBeGreaterThanOrEqual(8);
    expect(
      (await api<{ items: unknown[] }>('GET', '/api/runs?flowId=orders&version=2&limit=10')).json().items,
    ).toEqual([]);
    expect((await api('GET', '/api/runs?version=0&limit=10')).status).toBe(400);
  });

  it('exports one run as JSON and the filtered list as CSV', async () => {
    const id = runIds.get('SO-10050') as string;
    const json = await api<{ id: string; steps: unknown[] }>('GET', `/api/runs/${id}/export`);
    expect(json.status).toBe(200);
    expect(json.headers['content-disposition']).toContain(`run-${id}.json`);
    expect(json.json().id).toBe(id);
    expect(json.json().steps.length).toBeGreaterThan(0);
    expect(json.body).not.toContain('edsger@example.com');

    const csv = await api('GET', '/api/runs/export.csv?flowId=orders&status=rejected');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,flowId,version,status,recordKey,idempotencyKey,receivedAt,startedAt,finishedAt,durationMs,duplicateOf,error',
    );
    expect(lines.length - 1).toBe(
      (await api<{ byStatus: { rejected: number } }>('GET', '/api/runs/counts?flowId=orders')).json().byStatus
        .rejected,
    );
    expect(lines.slice(1).every((line) => line.includes(',rejected,'))).toBe(true);
    expect((await api('GET', '/api/runs/nope/export')).status).toBe(404);
  });

  it('replays a run against its own version into the identical trace, writing nothing', async () => {
    const id = runIds.get('SO-10042') as string;
    const before = await api<{ steps: unknown[] }>('GET', `/api/runs/${id}`);
    const res = await api<{
      ownVersion: boolean;
      diff: { identical: boolean };
      replay: unknown;
      original: unknown;
    }>('POST', `/api/runs/${id}/replay`, { version: 1 });
    expect(res.status).toBe(200);
    expect(res.json().ownVersion).toBe(true);
    expect(res.json().diff.identical).toBe(true);
    expect(JSON.stringify(res.json().replay)).toBe(JSON.stringify(res.json().original));
    // The contract classifies email as pii: masked in both traces, as on GET /api/runs/:id.
    expect(res.body.toLowerCase()).not.toContain('ada@example.com');
    expect((await api<{ steps: unknown[] }>('GET', `/api/runs/${id}`)).json()).toEqual(before.json());
  });

  it('what-if: a rejected run replayed against the fixed draft succeeds, with the per-field diff', async () => {
    const id = runIds.get('SO-10060') as string;
    const runsBefore = (await api<{ total: number }>('GET', '/api/runs/counts')).json().total;
    const res = await api<{
      diff: {
        outcome: { before: string; after: string; changed: boolean };
        steps: Array<{
          nodeId: string;
          stoppedFailing: Array<{ rule: string }>;
          write: { before: string | null; after: string | null } | null;
          before: unknown;
          after: unknown;
        }>;
      };
      replay: { steps: Array<{ write?: { dryRun: boolean } }> };
    }>('POST', `/api/runs/${id}/replay`, { version: 'draft' });
    expect(res.status).toBe(200);
    const { diff, replay } = res.json();
    expect(diff.outcome).toEqual({ before: 'rejected', after: 'succeeded', changed: true });
    const validate = diff.steps.find((s) => s.nodeId === 'n_validate');
    expect(validate?.stoppedFailing.map((c) => c.rule)).toEqual(['ordered_at_calendar_date']);
    const mapping = res.json().diff.steps.find((s) => s.nodeId === 'n_map') as unknown as {
      fields: unknown[];
    };
    expect(mapping.fields).toEqual([
      { path: 'ordered_at', change: 'changed', before: '18.03.2026', after: '2026-03-18' },
    ]);
    const write = diff.steps.find((s) => s.nodeId === 'n_write');
    expect(write?.before).toBeNull();
    expect(write?.write).toEqual({ before: null, after: 'inserted' });
    expect(replay.steps.find((s) => s.write)?.write?.dryRun).toBe(true);
    // A dry run: no run recorded, nothing written downstream.
    expect((await api<{ total: number }>('GET', '/api/runs/counts')).json().total).toBe(runsBefore);
  });

  it('lets viewers read and export runs but not replay them', async () => {
    const viewer = await authHeaders(t.app, 'viewer');
    const id = runIds.get('SO-10042') as string;
    const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: viewer, ...(payload ? { payload } : {}) });
    expect((await inject('GET', '/api/runs/counts')).statusCode).toBe(200);
    expect((await inject('GET', `/api/runs/${id}/export`)).statusCode).toBe(200);
    expect((await inject('POST', `/api/runs/${id}/replay`, { version: 1 })).statusCode).toBe(403);
    expect((await inject('POST', '/api/flows/orders/what-if', { limit: 5 })).statusCode).toBe(403);
  });

  it('answers problems for unknown runs, versions and duplicates', async () => {
    const id = runIds.get('SO-10042') as string;
    expect((await api<{ code: string }>('POST', '/api/runs/nope/replay', { version: 1 })).json().code).toBe(
      'run_not_found',
    );
    expect((await api<{ code: string }>('POST', `/api/runs/${id}/replay`, { version: 9 })).json().code).toBe(
      'version_not_found',
    );
    expect((await api('POST', `/api/runs/${id}/replay`, { version: 'latest' })).status).toBe(400);
    const resend = await api<{ runId: string }>('POST', '/hooks/orders', sampleRecords()[0]);
    const dup = await api<{ code: string; duplicateOf: string }>(
      'POST',
      `/api/runs/${resend.json().runId}/replay`,
      { version: 1 },
    );
    expect(dup.status).toBe(409);
    expect(dup.json().code).toBe('run_not_replayable');
  });

  it('bulk what-if reports outcome changes, fields and rules over the last runs', async () => {
    const res = await api<{
      replayed: number;
      skipped: number;
      outcomeChanged: number;
      transitions: Array<{ from: string; to: string; count: number }>;
      rulesStoppingToFail: Array<{ rule: string; count: number }>;
      traceChanged: number;
      fieldsChangingMost: Array<{ nodeId: string; label: string; field: string; count: number }>;
      runs: Array<{ runId: string; link: string; outcomeChanged: boolean }>;
    }>('POST', '/api/flows/orders/what-if', { version: 'draft', limit: 100 });
    expect(res.status, res.body).toBe(200);
    const report = res.json();
    expect(report.skipped).toBe(1); // the duplicate
    expect(report.replayed).toBe(records.length);
    expect(report.outcomeChanged).toBe(1);
    expect(report.transitions).toEqual([{ from: 'rejected', to: 'succeeded', count: 1 }]);
    expect(report.rulesStoppingToFail).toEqual([
      { rule: 'ordered_at_calendar_date', field: 'ordered_at', count: 2 },
    ]);
    // SO-10052 has a dotted date too, but its total is not a number: still rejected, one field changes.
    expect(report.traceChanged).toBe(2);
    expect(report.fieldsChangingMost[0]).toEqual({
      nodeId: 'n_map',
      label: 'Normalise order fields',
      field: 'ordered_at',
      count: 2,
    });
    expect(report.fieldsChangingMost.every((f) => f.field !== '')).toBe(true);
    const changed = report.runs.find((r) => r.outcomeChanged);
    expect(changed?.runId).toBe(runIds.get('SO-10060'));
    expect(changed?.link).toBe(`/runs/${changed?.runId}?whatIf=draft`);

    const own = (
      await api<{ traceChanged: number }>('POST', '/api/flows/orders/what-if', { version: 1, limit: 100 })
    ).json();
    expect(own.traceChanged).toBe(0);
    expect((await api('POST', '/api/flows/nope/what-if', { limit: 5 })).status).toBe(404);
  });

  it('attaches a bulk what-if report to a version submission, for the approver', async () => {
    const report = (
      await api<Record<string, unknown>>('POST', '/api/flows/orders/what-if', { version: 'draft', limit: 50 })
    ).json();
    const changeNote = {
      reason: 'dotted dates',
      acceptanceCheck: 'SO-10060 succeeds',
      risk: 'low',
      whatIf: report,
    };
    const submitted = await api<{ version: number }>('POST', '/api/flows/orders/versions', { changeNote });
    expect(submitted.status, submitted.body).toBe(201);
    const version = await api<{ changeNote: { whatIf: { outcomeChanged: number; runs: unknown[] } } }>(
      'GET',
      `/api/flows/orders/versions/${submitted.json().version}`,
    );
    expect(version.json().changeNote.whatIf.outcomeChanged).toBe(1);
    expect(version.json().changeNote.whatIf.runs).toHaveLength(2);
    // A report that is not one is refused like any other malformed change note.
    const bad = await api('POST', '/api/flows/orders/versions', {
      changeNote: { ...changeNote, whatIf: { nonsense: true } },
    });
    expect(bad.status).toBe(400);
  });

  it('pushes new runs to server-sent-event listeners', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    expect(address).toContain('127.0.0.1');
    const received: string[] = [];
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/runs/events?flowId=orders', headers });
    const events = new Promise<string>((resolve, reject) => {
      req.on('response', (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          received.push(chunk);
          const text = received.join('');
          if (text.includes('event: run')) resolve(text);
        });
      });
      req.on('error', reject);
    });
    req.end();
    // Let the feed learn what is there, then send a new record.
    await new Promise((r) => setTimeout(r, 1200));
    const sent = await api<{ runId: string }>('POST', '/hooks/orders', {
      ...sampleRecords()[1],
      order_id: 'SO-77777',
    });
    const text = await events;
    req.destroy();
    const data = text.split('\n').find((line) => line.startsWith('data: '));
    const run = JSON.parse(data?.slice('data: '.length) ?? '{}') as { id: string; flowId: string };
    expect(run.id).toBe(sent.json().runId);
    expect(run.flowId).toBe('orders');
  }, 10_000);
});
