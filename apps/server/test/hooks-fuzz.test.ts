import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_FLOW_ID } from '../src/seed/seed-example.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * Bad input never takes Baton down: whatever the body, headers or content type, a webhook
 * answers a 2xx or a 4xx problem+json (503 only under deliberate back-pressure), never a 5xx,
 * and no `__proto__`/`constructor` key reaches Object.prototype.
 */
let t: TestApp;
beforeAll(async () => (t = await startTestApp({ seed: true, bodyLimit: 64 * 1024 })));
afterAll(() => t.close());

const nasty = fc.oneof(
  fc.json({ depthSize: 'large' }),
  fc.string(),
  fc.constantFrom(
    '{"__proto__": {"polluted": true}, "order_id": "SO-10001"}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    `{"a":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`,
    '{"order_id": "\uD800"}',
    '',
    'null',
    '{"order_id": ' + '9'.repeat(400) + '}',
  ),
);

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/vnd.crm.order+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  '',
);

describe('webhook fuzz', () => {
  it('answers bodies, bytes and headers with 2xx or a 4xx problem, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          nasty,
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
        ),
        contentTypes,
        fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
        async (body, contentType, key) => {
          const headers: Record<string, string> = {};
          if (contentType) headers['content-type'] = contentType;
          if (key !== undefined && /^[\t\x20-\x7e]*$/.test(key)) headers['idempotency-key'] = key;
          const res = await t.app.inject({
            method: 'POST',
            url: `/hooks/${EXAMPLE_FLOW_ID}`,
            headers,
            payload: body,
          });
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.headers['content-type']).toContain('application/problem+json');
            expect(res.json()).toMatchObject({ status: res.statusCode, code: expect.any(String) });
          }
        },
      ),
      { numRuns: 150, seed: 20260315 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 60_000);

  it('answers an oversized body 413 before running anything', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/hooks/${EXAMPLE_FLOW_ID}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ order_id: 'SO-1', blob: 'x'.repeat(70 * 1024) }),
    });
    expect(res.json()).toMatchObject({ status: 413, code: 'payload_too_large' });
  });
});
