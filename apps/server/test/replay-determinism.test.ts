import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '@baton/compiler';
import { createMemoryTargets, runPlan } from '@baton/engine';
import type { Clock } from '@baton/nodes';
import type { Plan, Trace } from '@baton/schema';
import { openSqliteStore, type Store } from '@baton/store';
import { bulkWhatIf } from '../src/replay/bulk-what-if.js';
import { SecretBox } from '../src/connections/secret-box.js';
import { ReplayService } from '../src/replay/replay-service.js';
import { RunInputVault } from '../src/runner/run-input-vault.js';
import { changeNote, exampleSource, sampleRecords, tempDir } from './test-app.js';

const RUNS = 1000;

/**
 * A clock that moves by an irregular 0–3 ms per reading, like the wall clock under load: a
 * replay that assumed a fixed step could not reproduce it.
 */
function jitteryClock(startMs: number): Clock {
  let now = startMs;
  let seed = 7;
  return {
    now: () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      now += seed % 4;
      return new Date(now);
    },
  };
}

describe('replay is faithful', () => {
  let dir: string;
  let store: Store;
  const originals = new Map<string, Trace>();
  const inputs = new RunInputVault(new SecretBox(randomBytes(32)));

  beforeAll(async () => {
    dir = tempDir('baton-determinism-');
    store = await openSqliteStore({ file: join(dir, 'baton.sqlite') });
    const source = exampleSource();
    const plan = compile(source).definition as Plan;
    const at = '2026-03-15T09:00:00.000Z';
    await store.flows.create({ id: 'orders', name: 'orders', description: '', draft: source, now: at });
    await store.versions.create({ flowId: 'orders', source, definition: plan, changeNote, now: at });
    await store.versions.publish('orders', 1, at);

    // Every sample (succeeded, flagged, rejected), keys repeating so writes insert then update,
    // and one order whose writes fail, so failed runs are replayed too.
    const samples = sampleRecords();
    const targets = createMemoryTargets({
      failWith: (r) => (r.row['order_id'] === 'SO-19999' ? 'downstream refused the row' : undefined),
    });
    const clock = jitteryClock(Date.parse(at));
    const logged: Array<{
      id: string;
      i: number;
      input: Record<string, unknown>;
      receivedAt: string;
      trace: Trace;
    }> = [];
    for (let i = 0; i < RUNS; i++) {
      const sample = samples[i % samples.length] as Record<string, unknown>;
      const orderId = i % 97 === 0 ? 'SO-19999' : `SO-${String(10000 + (i % 300)).padStart(5, '0')}`;
      const input = { ...sample, order_id: ` ${orderId}` };
      const id = `run_${String(i).padStart(4, '0')}`;
      const receivedAt = clock.now().toISOString();
      const trace = await runPlan(
        plan,
        input,
        { clock, targets },
        { flowId: 'orders', version: 1, runId: id, dryRun: false },
      );
      originals.set(id, trace);
      logged.push({ id, i, input, receivedAt, trace });
    }
    // Stored the way the runner stores them (intake, then the outcome), in one transaction for speed:
    // odd runs with their input sealed as intake seals it, even ones plaintext as before sealing.
    await store.transaction(async (tx) => {
      for (const { id, i, input, receivedAt, trace } of logged) {
        await tx.runs.insert({
          id,
          flowId: 'orders',
          version: 1,
          status: 'queued',
          recordKey: null,
          idempotencyKey: `k${i}`,
          payloadHash: `h${i}`,
          ...(i % 2 === 1 ? inputs.seal('orders', input, new Set(['email', 'order_id'])) : { input }),
          receivedAt,
          duplicateOf: null,
        });
        await tx.runs.finish(id, {
          status: trace.status as 'succeeded',
          recordKey: trace.recordKey,
          startedAt: trace.startedAt,
          finishedAt: trace.finishedAt,
          durationMs: 1,
          error: null,
          steps: trace.steps,
        });
      }
    });
  }, 30_000);

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`replays ${RUNS} logged runs against their own version into byte-identical traces`, async () => {
    // The downstream is never consulted: every answer comes from the recorded run.
    const neverCalled = createMemoryTargets({ failWith: () => 'the replay touched the downstream' });
    const service = new ReplayService(store, neverCalled, inputs);
    const statuses = new Set<string>();
    const actions = new Set<string>();
    let identical = 0;
    for (const [id, original] of originals) {
      const result = await service.replay(id, 1);
      statuses.add(original.status);
      for (const step of original.steps) if (step.write) actions.add(step.write.action);
      if (JSON.stringify(result.replay) === JSON.stringify(original) && result.diff.identical) identical++;
      else expect(JSON.stringify(result.replay)).toBe(JSON.stringify(original));
    }
    expect(identical).toBe(RUNS);
    expect(neverCalled.calls).toHaveLength(0);
    // The sample covers every outcome the engine decides and both write actions.
    expect([...statuses].sort()).toEqual(['failed', 'flagged', 'rejected', 'succeeded']);
    expect([...actions].sort()).toEqual(['inserted', 'updated']);
  }, 30_000);

  it('bulk what-if over the last 500 runs reports the outcome changes a draft would bring', async () => {
    // The draft maps the "Platinum" tier to premium: those runs stop being flagged.
    const draft = structuredClone(exampleSource());
    const mapping = draft.nodes.find((n) => n.kind === 'mapping');
    const fields = (
      mapping?.config as {
        fields: Array<{ to: string; transforms: Array<{ op: string; map?: Record<string, string> }> }>;
      }
    ).fields;
    const tiers = fields.find((f) => f.to === 'tier')?.transforms.find((t) => t.op === 'enumMap');
    if (tiers?.map) tiers.map['platinum'] = 'premium';
    await store.flows.saveDraft('orders', draft, '2026-03-16T00:00:00.000Z');

    const newest = [...originals.entries()].slice(-500);
    const expected = newest.filter(
      ([, t]) =>
        t.status === 'flagged' &&
        t.steps.some((s) => s.checks.some((c) => c.rule === 'tier_known' && c.result === 'flag')) &&
        t.steps.every((s) => s.checks.every((c) => c.result !== 'flag' || c.rule === 'tier_known')) &&
        t.steps.some((s) => (s.output as { tier?: string } | null)?.tier === 'unknown') &&
        JSON.stringify(t.steps[0]?.input).includes('Platinum'),
    ).length;
    expect(expected).toBeGreaterThan(10);

    const service = new ReplayService(store, createMemoryTargets(), inputs);
    const report = await bulkWhatIf(
      store,
      service,
      { flowId: 'orders', against: 'draft', limit: 500, filter: {} },
      new Date(0),
    );
    expect(report.selected).toBe(500);
    expect(report.replayed).toBe(500);
    expect(report.outcomeChanged).toBe(expected);
    expect(report.transitions).toEqual([{ from: 'flagged', to: 'succeeded', count: expected }]);
    expect(report.rulesStoppingToFail).toEqual([
      { rule: 'tier_known', field: 'tier', count: expect.any(Number) },
    ]);
    expect(report.rulesStartingToFail).toEqual([]);
    expect(report.fieldsChangingMost).toContainEqual(
      expect.objectContaining({ nodeId: 'n_map', field: 'tier' }),
    );
    // Every listed run is one of the 500, outcome changes first.
    const ids = new Set(newest.map(([id]) => id));
    expect(report.runs.every((r) => ids.has(r.runId))).toBe(true);
    expect(report.runs.slice(0, expected).every((r) => r.outcomeChanged)).toBe(true);
  }, 30_000);
});
