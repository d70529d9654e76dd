import type { FactIssue, FactStatus, RunFact, Store } from '@baton/store';
import type { Clock } from '@baton/nodes';
import { EXAMPLE_FLOW_ID } from './seed-example.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const DEMO_DAYS = 30;
/** The SLA target the demo sets on the example flow when it has none: 6 hours. */
export const DEMO_SLA_TARGET_MS = 6 * HOUR_MS;

/** mulberry32: a tiny seeded generator, so every first start draws the same history. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw (Box–Muller) for log-normal hand-off times. */
function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

const REJECTIONS: FactIssue[] = [
  { rule: 'total_positive', field: 'total_cents', result: 'fail' },
  { rule: 'ordered_at_calendar_date', field: 'ordered_at', result: 'fail' },
  { rule: 'pattern', field: 'order_id', result: 'fail' },
];
const FLAGS: FactIssue[] = [
  { rule: 'tier_known', field: 'tier', result: 'flag' },
  { rule: 'email_format', field: 'email', result: 'flag' },
];

/**
 * A deterministic 30-day history of the example flow, ending now: TTV falling from about 6 h
 * to under 3 h, rework from about a quarter to a tenth, a few re-sends after rejections and
 * rare technical failures, so the dashboard shows real shapes on first start. Facts only
 * (marked `demo`), never runs: nothing pretends a record moved.
 */
export function demoFacts(now: Date): RunFact[] {
  const rand = random(20260601);
  const facts: RunFact[] = [];
  const start =
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (DEMO_DAYS - 1) * DAY_MS;
  let n = 0;
  const rejectedKeys: string[] = [];
  for (let d = 0; d < DEMO_DAYS; d++) {
    const progress = d / (DEMO_DAYS - 1);
    const weekend = new Date(start + d * DAY_MS).getUTCDay() % 6 === 0;
    const volume = Math.round((weekend ? 18 : 55) + rand() * 20);
    const medianMs = (6 - 3.4 * progress) * HOUR_MS;
    const rejectRate = 0.14 - 0.08 * progress;
    const flagRate = 0.1 - 0.05 * progress;
    for (let i = 0; i < volume; i++) {
      const received = start + d * DAY_MS + 7 * HOUR_MS + rand() * 11 * HOUR_MS;
      if (received > now.getTime()) continue;
      n++;
      const roll = rand();
      let status: FactStatus = 'succeeded';
      if (roll < 0.01) status = 'failed';
      else if (roll < 0.01 + rejectRate) status = 'rejected';
      else if (roll < 0.01 + rejectRate + flagRate) status = 'flagged';
      // Some rejected orders come back corrected: a re-send of the same key.
      const resend = status !== 'rejected' && rejectedKeys.length > 0 && rand() < 0.06;
      const recordKey = resend ? rejectedKeys.shift()! : `SO-${String(10000 + n).padStart(5, '0')}`;
      if (status === 'rejected') rejectedKeys.push(recordKey);
      const ttvMs = Math.max(5 * 60_000, medianMs * Math.exp(0.45 * normal(rand)));
      const entered = received - Math.min(ttvMs * 0.9, ttvMs - 1000);
      const committed = status === 'succeeded' || status === 'flagged';
      const issues: FactIssue[] = [];
      if (status === 'rejected') issues.push(REJECTIONS[Math.floor(rand() * REJECTIONS.length)]!);
      if (status === 'flagged') issues.push(FLAGS[Math.floor(rand() * FLAGS.length)]!);
      facts.push({
        runId: `demo_${String(n).padStart(6, '0')}`,
        flowId: EXAMPLE_FLOW_ID,
        version: 1,
        recordKey,
        status,
        enteredAt: new Date(entered).toISOString(),
        receivedAt: new Date(received).toISOString(),
        committedAt: committed ? new Date(entered + ttvMs).toISOString() : null,
        ttvMs: committed ? Math.round(ttvMs) : null,
        demo: true,
        issues,
      });
    }
  }
  return facts.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : 1));
}

/**
 * Seeds the demo history into the metrics projection (once: a flow with demo facts is left
 * alone) and, when the example flow has no SLA target, sets the demo's 6 h.
 */
export async function seedDemoHistory(store: Store, clock: Clock): Promise<number> {
  if (!(await store.flows.get(EXAMPLE_FLOW_ID))) return 0;
  if (await store.metrics.hasDemo(EXAMPLE_FLOW_ID)) return 0;
  const now = clock.now();
  if (!(await store.metrics.settings(EXAMPLE_FLOW_ID))) {
    await store.metrics.saveSettings({
      flowId: EXAMPLE_FLOW_ID,
      slaTargetMs: DEMO_SLA_TARGET_MS,
      updatedAt: now.toISOString(),
    });
  }
  return store.metrics.record(demoFacts(now));
}
