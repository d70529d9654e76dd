import { signWebhook } from '../auth/webhook-signature.js';

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number }>;

export interface SendResult {
  ok: boolean;
  error: string | null;
}

/** Gives up on a slow receiver quickly: a notification must never hold anything up. */
const TIMEOUT_MS = 5000;

/**
 * POSTs one notification, signed like Baton's inbound webhooks (`X-Baton-Signature: t=…,v1=<hex
 * HMAC-SHA256 of "<t>.<body>">`), so a receiver verifies both directions with the same code.
 * Without a secret the request goes unsigned. A 2xx is success; anything else is retried.
 */
export async function sendNotification(
  fetchImpl: FetchLike,
  url: string,
  body: string,
  secret: string | null,
  unixSeconds: number,
  deliveryId: string,
): Promise<SendResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-baton-delivery': deliveryId,
  };
  if (secret) headers['x-baton-signature'] = signWebhook(secret, body, unixSeconds);
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return res.status >= 200 && res.status < 300
      ? { ok: true, error: null }
      : { ok: false, error: `HTTP ${res.status}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Exponential back-off: 1 s, 2 s, 4 s … capped at 5 minutes; `attempt` counts from 1. */
export function backoffMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** (attempt - 1), 5 * 60_000);
}
