import { describe, expect, it } from 'vitest';
import { EMPTY_BATCH_COUNTS, type BatchRecord } from '../src/batches.js';
import type { RunFact } from '../src/metrics.js';
import type { TestBackend } from './backends.js';
import { at, changeNote, samplePlan, sampleSource } from './fixtures.js';

function fact(runId: string, overrides: Partial<RunFact> = {}): RunFact {
  return {
    runId,
    flowId: 'orders',
    version: 1,
    recordKey: `SO-${runId}`,
    status: 'succeeded',
    enteredAt: at(0),
    receivedAt: at(1),
    committedAt: at(2),
    ttvMs: 1000,
    demo: false,
    issues: [],
    ...overrides,
  };
}

const batch = (id: string, createdAt: string): BatchRecord => ({
  id,
  flowId: 'orders',
  version: 1,
  format: 'csv',
  fileName: 'orders.csv',
  state: 'receiving',
  counts: EMPTY_BATCH_COUNTS,
  bytes: 0,
  createdBy: 'ana',
  createdAt,
  finishedAt: null,
  error: null,
});

/** Schedules, batches, metrics, baselines and the playbook: the same on every backend. */
export function describeNewerReposContract(backend: TestBackend): void {
  describe(`${backend.name}: schedule cursors`, () => {
    it('moves the cursor only from the value a tick started from', async () => {
      const store = await backend.open();
      const tick = (expected: string | number | null, next: string | number | null, minute: number) =>
        store.schedules.advance({ flowId: 'f', nodeId: 'n', expected, next, started: 2, at: at(minute) });
      expect(await store.schedules.get('f', 'n')).toBeNull();
      expect(await tick(5, 6, 1)).toBe(false);
      expect(await tick(null, 10, 1)).toBe(true);
      expect(await tick(null, 11, 2)).toBe(false);
      expect(await tick(10, 'b', 3)).toBe(true);
      await store.schedules.recordError({ flowId: 'f', nodeId: 'n', error: 'source down', at: at(4) });
      expect(await store.schedules.get('f', 'n')).toMatchObject({
        cursor: 'b',
        lastStarted: 2,
        totalStarted: 4,
        lastError: 'source down',
        lastErrorAt: at(4),
      });
      expect(await tick('b', 12, 5)).toBe(true);
      expect(await store.schedules.get('f', 'n')).toMatchObject({ cursor: 12, lastError: null });
      await store.close();
    });
  });

  describe(`${backend.name}: batches`, () => {
    it('creates, updates, pages rejects and interrupts unfinished batches', async () => {
      const store = await backend.open();
      await store.batches.create(batch('b1', at(1)));
      await store.batches.create({ ...batch('b2', at(2)), state: 'done', finishedAt: at(3) });
      await store.batches.update('b1', { counts: { ...EMPTY_BATCH_COUNTS, rows: 3 }, bytes: 3_000_000_000 });
      expect(await store.batches.get('b1')).toMatchObject({ state: 'receiving', bytes: 3_000_000_000 });
      expect((await store.batches.get('b1'))?.counts.rows).toBe(3);
      expect((await store.batches.listByFlow('orders', 10)).map((b) => b.id)).toEqual(['b2', 'b1']);
      const reject = (line: number) => ({
        batchId: 'b1',
        line,
        reason: 'malformed',
        error: 'bad',
        raw: `line ${line}`,
        runId: null,
      });
      await store.batches.addRejects([reject(3), reject(2), reject(4)]);
      await store.batches.addRejects([reject(2)]);
      expect((await store.batches.rejects('b1', 2, 10)).map((r) => r.line)).toEqual([3, 4]);
      expect(await store.batches.interruptUnfinished(at(9))).toBe(1);
      expect(await store.batches.get('b1')).toMatchObject({ state: 'interrupted', finishedAt: at(9) });
      expect(await store.batches.get('nope')).toBeNull();
      await store.close();
    });
  });

  describe(`${backend.name}: metrics`, () => {
    it('counts each fact once, rolls days up, marks re-sends and clears demo facts', async () => {
      const store = await backend.open();
      const day1 = '2026-03-15';
      const rejected = fact('r1', {
        status: 'rejected',
        committedAt: null,
        ttvMs: null,
        recordKey: 'SO-1',
        issues: [{ rule: 'required', field: 'email', result: 'fail' }],
      });
      expect(
        await store.metrics.record([rejected, fact('r2', { ttvMs: 3000 }), fact('r3', { ttvMs: 500 })]),
      ).toBe(3);
      expect(await store.metrics.record([fact('r2')])).toBe(0);
      const resend = fact('r4', { recordKey: 'SO-1', receivedAt: at(5), ttvMs: 2000 });
      const demo = fact('r5', { demo: true, issues: [{ rule: 'format', field: null, result: 'flag' }] });
      expect(await store.metrics.record([resend, demo])).toBe(2);
      expect(await store.metrics.projected(['r1', 'r9', 'r4'])).toEqual(new Set(['r1', 'r4']));

      const query = { flowId: 'orders', fromDay: day1, toDay: day1 };
      expect(await store.metrics.days(query)).toEqual([
        {
          day: day1,
          count: 5,
          reworked: 2,
          byStatus: { succeeded: 4, flagged: 0, rejected: 1, failed: 0 },
          demo: 1,
        },
      ]);
      expect(await store.metrics.ttvs(query)).toEqual(
        new Map([[day1, Float64Array.from([500, 1000, 2000, 3000])]]),
      );
      expect(await store.metrics.issues(query)).toEqual([
        { rule: 'format', field: null, result: 'flag', count: 1 },
        { rule: 'required', field: 'email', result: 'fail', count: 1 },
      ]);
      expect(await store.metrics.totals(day1, day1)).toEqual([
        { flowId: 'orders', count: 5, reworked: 2, demo: 1 },
      ]);
      expect(await store.metrics.days({ ...query, version: 2 })).toEqual([]);

      expect(await store.metrics.hasDemo('orders')).toBe(true);
      expect(await store.metrics.clearDemo('orders')).toBe(1);
      expect(await store.metrics.hasDemo('orders')).toBe(false);
      expect((await store.metrics.days(query))[0]).toMatchObject({ count: 4, demo: 0 });
      expect(await store.metrics.issues(query)).toHaveLength(1);
      await store.close();
    });

    it('keeps settings and the projection watermark', async () => {
      const store = await backend.open();
      expect(await store.metrics.settings('orders')).toBeNull();
      expect(await store.metrics.watermark()).toBeNull();
      await store.metrics.saveSettings({ flowId: 'orders', slaTargetMs: 60_000, updatedAt: at(1) });
      await store.metrics.saveSettings({ flowId: 'orders', slaTargetMs: 1.5, updatedAt: at(2) });
      await store.metrics.setWatermark(at(3));
      await store.metrics.setWatermark(at(4));
      expect(await store.metrics.settings('orders')).toEqual({
        flowId: 'orders',
        slaTargetMs: 1.5,
        updatedAt: at(2),
      });
      expect(await store.metrics.watermark()).toBe(at(4));
      await store.close();
    });
  });

  describe(`${backend.name}: baselines`, () => {
    it('replaces imported records with figures by hand and removes them', async () => {
      const store = await backend.open();
      const record = (line: number, reworked: boolean) => ({
        line,
        recordKey: `K${line}`,
        enteredAt: at(0),
        completedAt: at(line),
        ttvMs: line * 60_000,
        reworked,
      });
      await store.baselines.importRecords('orders', [record(2, false), record(3, true)], {
        updatedAt: at(5),
        updatedBy: 'ana',
      });
      expect(await store.baselines.get('orders')).toMatchObject({
        source: 'csv',
        recordCount: 2,
        ttvP50Ms: null,
      });
      expect(await store.baselines.records('orders')).toEqual([
        { ttvMs: 120_000, reworked: false },
        { ttvMs: 180_000, reworked: true },
      ]);
      await store.baselines.setManual({
        flowId: 'orders',
        ttvP50Ms: 3_600_000,
        reworkRate: 0.25,
        slaAdherence: 0.5,
        updatedAt: at(6),
        updatedBy: null,
      });
      expect(await store.baselines.get('orders')).toEqual({
        flowId: 'orders',
        source: 'manual',
        ttvP50Ms: 3_600_000,
        reworkRate: 0.25,
        slaAdherence: 0.5,
        recordCount: 0,
        updatedAt: at(6),
        updatedBy: null,
      });
      expect(await store.baselines.records('orders')).toEqual([]);
      expect(await store.baselines.remove('orders')).toBe(true);
      expect(await store.baselines.remove('orders')).toBe(false);
      await store.close();
    });
  });

  describe(`${backend.name}: playbook`, () => {
    it('numbers runbook revisions, pins the first one a version shipped with, and ranks the backlog', async () => {
      const store = await backend.open();
      await store.flows.create({
        id: 'orders',
        name: 'O',
        description: '',
        draft: sampleSource(),
        now: at(0),
      });
      await store.versions.create({
        flowId: 'orders',
        source: sampleSource(),
        definition: samplePlan('h'),
        changeNote,
        now: at(0),
      });
      expect(await store.playbook.runbook('orders')).toBeNull();
      expect(await store.playbook.pinRunbook('orders', 1, at(1))).toEqual({
        flowId: 'orders',
        version: 1,
        revision: null,
        pinnedAt: at(1),
      });
      await store.playbook.saveRunbook('orders', 'v1', 'ana', at(2));
      expect(await store.playbook.saveRunbook('orders', 'v2', null, at(3))).toMatchObject({ revision: 2 });
      expect((await store.playbook.runbookRevisions('orders')).map((r) => r.body)).toEqual(['v2', 'v1']);
      expect(await store.playbook.runbook('orders', 1)).toMatchObject({ body: 'v1', author: 'ana' });
      expect((await store.playbook.pinRunbook('orders', 1, at(4))).revision).toBeNull();

      const retro = await store.playbook.createRetrospective(
        {
          id: 'rt1',
          flowId: 'orders',
          wentWell: 'fast',
          wentBadly: 'noisy',
          author: 'ana',
          items: [
            { id: 'bi1', title: 'small', frequency: 1, impact: 2 },
            { id: 'bi2', title: 'big', frequency: 4, impact: 5 },
          ],
        },
        at(5),
      );
      expect(retro.items.map((i) => i.id)).toEqual(['bi2', 'bi1']);
      expect(await store.playbook.setBacklogStatus('bi1', 'planned', at(6))).toMatchObject({
        status: 'planned',
      });
      expect(await store.playbook.setBacklogStatus('nope', 'planned', at(6))).toBeNull();
      expect((await store.playbook.listBacklog()).map((i) => i.id)).toEqual(['bi2', 'bi1']);
      expect((await store.playbook.listRetrospectives('orders'))[0]?.items).toHaveLength(2);
      await store.close();
    });

    it('keeps candidates and risks, highest risk first', async () => {
      const store = await backend.open();
      await store.flows.create({
        id: 'orders',
        name: 'O',
        description: '',
        draft: sampleSource(),
        now: at(0),
      });
      const candidate = {
        id: 'c1',
        name: 'CRM to ERP',
        systemFrom: 'CRM',
        systemTo: 'ERP',
        frequencyPerWeek: 0.5,
        impact: 4,
        notes: '',
        rationale: 'manual re-keying',
      };
      expect(await store.playbook.createCandidate(candidate, at(1))).toMatchObject({
        flowId: null,
        createdAt: at(1),
      });
      expect(await store.playbook.updateCandidate('c1', { impact: 5 }, at(2))).toMatchObject({
        impact: 5,
        frequencyPerWeek: 0.5,
        updatedAt: at(2),
      });
      expect(await store.playbook.linkCandidate('c1', 'orders', at(3))).toMatchObject({ flowId: 'orders' });
      expect(await store.playbook.updateCandidate('nope', {}, at(2))).toBeNull();
      const risk = (id: string, likelihood: number, impact: number) => ({
        id,
        flowId: 'orders',
        risk: id,
        likelihood,
        impact,
        mitigation: 'watch',
        ownerId: null,
        status: 'open' as const,
      });
      await store.playbook.createRisk(risk('low', 1, 2), at(1));
      await store.playbook.createRisk(risk('high', 3, 4), at(2));
      expect(await store.playbook.updateRisk('low', { status: 'mitigated' }, at(3))).toMatchObject({
        status: 'mitigated',
        likelihood: 1,
      });
      expect((await store.playbook.listRisks('orders')).map((r) => r.id)).toEqual(['high', 'low']);
      expect(await store.playbook.deleteRisk('low')).toBe(true);
      expect(await store.playbook.deleteCandidate('c1')).toBe(true);
      expect(await store.playbook.listCandidates()).toEqual([]);
      await store.close();
    });
  });
}
