import { describe, expect, it } from 'vitest';
import type { Plan } from '@baton/schema';
import { compile } from '@baton/compiler';
import {
  clockReadingsOf,
  createFixedClock,
  createMemoryTargets,
  createReplayClock,
  runPlan,
} from '../src/index.js';

// A computed field reading `$now()` must replay to the same value: the engine pins it to the
// run's recorded start, which the replay clock injects again.
function planWithNow(): Plan {
  const { definition, diagnostics } = compile({
    schemaVersion: 1,
    nodes: [
      { id: 'n_t', kind: 'trigger', kindVersion: 1, label: 'In', config: { mode: 'manual' } },
      {
        id: 'n_m',
        kind: 'mapping',
        kindVersion: 1,
        label: 'Stamp',
        config: {
          fields: [{ to: 'id', from: 'id', transforms: [] }],
          computed: [
            { to: 'stamped_at', expression: '$now()' },
            { to: 'stamped_ms', expression: '$millis()' },
            { to: 'day', expression: "$now('[Y0001]-[M01]-[D01]')" },
          ],
          keepUnmapped: false,
        },
      },
    ],
    edges: [
      {
        id: 'e_1',
        source: { node: 'n_t', port: 'out' },
        target: { node: 'n_m', port: 'in' },
        contract: null,
        raci: null,
      },
    ],
    layout: { nodes: {} },
    meta: {},
  });
  if (!definition) throw new Error(JSON.stringify(diagnostics));
  return definition;
}

describe('$now() in a run', () => {
  it('is the run start for every expression, and replays byte-identically', async () => {
    const plan = planWithNow();
    const options = { flowId: 'f', version: 1, runId: 'r1', dryRun: false };
    const original = await runPlan(
      plan,
      { id: 7 },
      { clock: createFixedClock('2026-03-15T09:30:00.000Z', 7), targets: createMemoryTargets() },
      options,
    );
    const output = original.steps[1]?.output as Record<string, unknown>;
    expect(output['stamped_at']).toBe(original.startedAt);
    expect(output['stamped_ms']).toBe(Date.parse(original.startedAt));
    expect(output['day']).toBe('2026-03-15');

    const replayed = await runPlan(
      plan,
      { id: 7 },
      { clock: createReplayClock(clockReadingsOf(original)), targets: createMemoryTargets() },
      options,
    );
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(original));
  });
});
