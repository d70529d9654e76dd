import type { UpsertRequest } from '@baton/nodes';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpTarget, type HttpTargetConfig } from '../src/targets/http-target.js';
import { backoffDelay } from '../src/targets/retry-policy.js';
import { EgressGuard } from '../src/targets/ssrf-guard.js';
import { startEndpoint, type Endpoint } from './support/reliability.js';

const open: Endpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

async function endpoint(...args: Parameters<typeof startEndpoint>): Promise<Endpoint> {
  const e = await startEndpoint(...args);
  open.push(e);
  return e;
}

const request: UpsertRequest = {
  target: { connection: 'crm', table: 'orders' },
  keyFields: ['order_id'],
  row: { order_id: 'SO-1', total_cents: 100 },
  onConflict: 'update',
  columns: [],
  idempotencyKey: 'flow-a:SO-1',
};

function clockAt(start = 0) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

function target(url: string, overrides: Partial<HttpTargetConfig> = {}, allow: string[] = ['127.0.0.1']) {
  const clock = clockAt(Date.parse('2026-03-15T00:00:00Z'));
  const sleeps: number[] = [];
  const t = new HttpTarget(
    'crm',
    {
      url,
      method: 'POST',
      timeoutMs: 300,
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 },
      breaker: { failureThreshold: 3, resetAfterMs: 5000 },
      headers: { authorization: 'Bearer s3cret' },
      ...overrides,
    },
    {
      guard: new EgressGuard({ allow }),
      clock,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
    },
  );
  return { target: t, clock, sleeps };
}

describe('HTTP write target', () => {
  it('retries 5xx and 429 with back-off, sending the same idempotency key each time', async () => {
    const e = await endpoint((_req, res, _body, n) => {
      if (n === 1) return void res.writeHead(503).end();
      if (n === 2) return void res.writeHead(429, { 'retry-after': '0' }).end();
      res.writeHead(201).end('{}');
    });
    const { target: t, sleeps } = target(`${e.url}/in/{table}`);
    await expect(t.upsert(request)).resolves.toEqual({ action: 'inserted' });
    expect(e.requests).toHaveLength(3);
    expect(e.requests.map((r) => r.headers['idempotency-key'])).toEqual(Array(3).fill('flow-a:SO-1'));
    expect(e.requests[0]).toMatchObject({ method: 'POST', url: '/in/orders', body: request.row });
    expect(e.requests[0]?.headers.authorization).toBe('Bearer s3cret');
    // Full jitter: half of 100·2^0, then Retry-After 0 from the 429.
    expect(sleeps).toEqual([50, 0]);
  });

  it('does not retry a 4xx, and reports every attempt when it gives up', async () => {
    const bad = await endpoint((_req, res) => void res.writeHead(400).end());
    await expect(target(bad.url).target.upsert(request)).rejects.toThrow('HTTP 400 from crm');
    expect(bad.requests).toHaveLength(1);

    const down = await endpoint((_req, res) => void res.writeHead(500).end());
    await expect(
      target(down.url, { breaker: { failureThreshold: 100, resetAfterMs: 1 } }).target.upsert(request),
    ).rejects.toThrow(/after 4 attempts: HTTP 500.*HTTP 500.*HTTP 500.*HTTP 500/);
    expect(down.requests).toHaveLength(4);
  });

  it('retries a timeout', async () => {
    const e = await endpoint((_req, res, _body, n) => {
      if (n === 1) return; // never answers: the client times out
      res.writeHead(200).end();
    });
    await expect(target(e.url).target.upsert(request)).resolves.toEqual({ action: 'updated' });
    expect(e.requests).toHaveLength(2);
  });

  it('opens the circuit after N failures, then lets one probe through after the reset time', async () => {
    let healthy = false;
    const e = await endpoint((_req, res) => void res.writeHead(healthy ? 200 : 502).end());
    const { target: t, clock } = target(e.url, { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    for (let i = 0; i < 3; i++) await expect(t.upsert(request)).rejects.toThrow('HTTP 502');
    expect(t.breaker.state).toBe('open');
    await expect(t.upsert(request)).rejects.toThrow(/circuit open/);
    expect(e.requests).toHaveLength(3); // the open circuit did not call the endpoint
    clock.advance(5000);
    expect(t.breaker.state).toBe('half-open');
    healthy = true;
    await expect(t.upsert(request)).resolves.toEqual({ action: 'updated' });
    expect(t.breaker.state).toBe('closed');
    expect(t.breaker.transitions.map((s) => s.state)).toEqual(['open', 'closed']);
  });

  it('computes back-off with full jitter, capped', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0.999))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });
});

describe('SSRF guard', () => {
  it('refuses loopback, private, link-local and metadata addresses in every disguise; the canary hears nothing', async () => {
    const canary = await endpoint((_req, res) => void res.writeHead(200).end());
    const p = canary.port;
    // An allowed host that redirects to the canary: refused at the redirect.
    const redirector = await endpoint(
      (_req, res) => void res.writeHead(302, { location: `http://127.0.0.1:${p}/` }).end(),
      '127.0.0.2',
    );
    const bypasses = [
      `http://127.0.0.1:${p}/`,
      `http://localhost:${p}/`,
      `http://2130706433:${p}/`,
      `http://0177.0.0.1:${p}/`,
      `http://0x7f.0.0.1:${p}/`,
      `http://127.1:${p}/`,
      `http://[::ffff:127.0.0.1]:${p}/`,
      `http://[::ffff:7f00:1]:${p}/`,
      `http://[::1]:${p}/`,
      `http://0.0.0.0:${p}/`,
      `http://evil.example@127.0.0.1:${p}/`,
      `http://169.254.169.254/latest/meta-data/`,
      `http://[fd00:ec2::254]/`,
      `http://10.0.0.1:${p}/`,
      `http://192.168.1.1:${p}/`,
      `file:///etc/passwd`,
      `gopher://127.0.0.1:${p}/`,
      `${redirector.url}/go`,
    ];
    for (const url of bypasses) {
      const { target: t } = target(url, { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } }, [
        '127.0.0.2',
      ]);
      await expect(t.upsert(request), url).rejects.toThrow(/egress refused|credentials in the URL/);
    }
    expect(canary.requests).toEqual([]);
    expect(redirector.requests).toHaveLength(1);
  });

  it('lets an allow-listed private address through', async () => {
    const e = await endpoint((_req, res) => void res.writeHead(201).end());
    await expect(target(e.url, {}, ['127.0.0.0/8']).target.upsert(request)).resolves.toEqual({
      action: 'inserted',
    });
  });
});
