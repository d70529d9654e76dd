import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exampleWritingVia,
  order,
  publishDirect,
  startEndpoint,
  type Endpoint,
} from './support/reliability.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * Downstream faults: an HTTP target behind a fault injector (20% 503, 10% hangs past the
 * timeout, 5% reset connections) and then a full outage. Nothing acknowledged is lost, nothing
 * is applied twice (the receiver keys by Idempotency-Key, as a real one would), the breaker opens
 * during the outage and closes after it, and the dead letters retry successfully.
 */
let t: TestApp;
let receiver: Endpoint;
let outage = false;
/** What the downstream system applied: one entry per idempotency key. */
const applied = new Map<string, unknown>();
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

beforeAll(async () => {
  receiver = await startEndpoint((req, res, body) => {
    const roll = random();
    if (outage || roll < 0.05) return void req.socket.destroy();
    if (roll < 0.15) return; // hangs: the client times out
    if (roll < 0.35) return void res.writeHead(503).end();
    const key = String(req.headers['idempotency-key']);
    const existed = applied.has(key);
    applied.set(key, body);
    res.writeHead(existed ? 200 : 201).end();
  });
  t = await startTestApp({ egressAllow: ['127.0.0.1'] }, { sleep: async () => undefined });
  const created = await t.app.inject({
    method: 'PUT',
    url: '/api/connections/fulfilment-api',
    payload: {
      kind: 'http',
      config: {
        url: `${receiver.url}/orders`,
        timeoutMs: 150,
        maxAttempts: 8,
        breakerThreshold: 8,
        breakerResetMs: 300,
      },
    },
  });
  expect(created.statusCode).toBe(201);
  await publishDirect(t.app, 'faulty', exampleWritingVia('fulfilment-api', 'orders'));
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

async function sendAll(
  ids: string[],
  concurrency = 6,
): Promise<Map<string, { status: number; runId: string }>> {
  const answers = new Map<string, { status: number; runId: string }>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const res = await t.app.inject({ method: 'POST', url: '/hooks/faulty', payload: order(id) });
        answers.set(id, { status: res.statusCode, runId: res.json().runId });
      }
    }),
  );
  return answers;
}

describe('HTTP target under faults', () => {
  it('loses nothing, applies each record once, opens and closes the breaker, retries dead letters', async () => {
    const flaky = Array.from({ length: 40 }, (_, i) => `SO-${41000 + i}`);
    const first = await sendAll(flaky);
    const statuses = new Set([...first.values()].map((a) => a.status));
    expect([...statuses].every((s) => s === 200 || s === 502)).toBe(true);

    outage = true;
    const during = Array.from({ length: 10 }, (_, i) => `SO-${42000 + i}`);
    const second = await sendAll(during, 2);
    expect([...second.values()].every((a) => a.status === 502)).toBe(true);
    expect((await t.app.inject('/api/connections/fulfilment-api')).json().breaker).toBe('open');

    outage = false;
    await new Promise((r) => setTimeout(r, 350)); // the breaker's reset time: the next call probes
    const letters = (await t.app.inject('/api/dead-letters?flowId=faulty&limit=500')).json().items as Array<{
      runId: string;
    }>;
    expect(letters.length).toBeGreaterThanOrEqual(during.length);
    // Retry until every dead letter went through (the injector still fails 35% of calls).
    let open = letters.map((l) => l.runId);
    for (let round = 0; round < 5 && open.length > 0; round++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/dead-letters/retry',
        payload: { runIds: open },
      });
      const items = res.json().items as Array<{ status: string; runId: string }>;
      open = items.filter((i) => i.status === 'failed').map((i) => i.runId);
    }
    expect(open).toEqual([]);
    expect((await t.app.inject('/api/dead-letters?flowId=faulty')).json().items).toEqual([]);
    expect((await t.app.inject('/api/connections/fulfilment-api')).json().breaker).toBe('closed');

    // 0 lost, 0 duplicated: every order applied downstream, exactly once per key.
    const expected = [...flaky, ...during].map((id) => `faulty:${id}`).sort();
    expect([...applied.keys()].sort()).toEqual(expected);
    expect(receiver.requests.length).toBeGreaterThan(expected.length); // retries did happen
  }, 60_000);
});
