import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { request } from './http';

const respond = (status: number, body: unknown, type = 'application/json') =>
  vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': type },
      }),
  );

describe('request', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('returns parsed JSON and sends JSON bodies with a query string', async () => {
    const fetch = respond(200, { items: [] });
    vi.stubGlobal('fetch', fetch);
    await expect(
      request('/api/runs', { query: { flowId: 'f', status: undefined, limit: 5 } }),
    ).resolves.toEqual({ items: [] });
    expect(fetch).toHaveBeenCalledWith(
      '/api/runs?flowId=f&limit=5',
      expect.objectContaining({ method: 'GET' }),
    );

    await request('/api/flows', { method: 'POST', body: { name: 'x' } });
    const init = fetch.mock.calls[1]?.[1] ?? {};
    expect(init.body).toBe('{"name":"x"}');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('turns problem+json into an ApiError with code, detail and diagnostics', async () => {
    vi.stubGlobal(
      'fetch',
      respond(
        422,
        {
          type: 'about:blank',
          title: 'Draft invalid',
          status: 422,
          detail: 'the draft has errors',
          code: 'draft_invalid',
          diagnostics: [{ code: 'no_trigger', severity: 'error', message: 'm' }],
        },
        'application/problem+json',
      ),
    );
    const error = await request('/api/flows/x/test-run', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'draft_invalid', detail: 'the draft has errors' });
    expect((error as ApiError).diagnostics.map((d) => d.code)).toEqual(['no_trigger']);
  });

  it('names network failures and non-JSON errors', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(request('/api/flows')).rejects.toMatchObject({ status: 0, code: 'network_error' });
    vi.stubGlobal('fetch', respond(502, 'Bad gateway', 'text/plain'));
    await expect(request('/api/flows')).rejects.toMatchObject({
      status: 502,
      code: 'http_502',
      detail: 'Bad gateway',
    });
  });
});
