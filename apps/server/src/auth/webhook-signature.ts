import { createHmac } from 'node:crypto';
import { safeEqual } from './credentials.js';

/** `X-Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` (Stripe's scheme). */
export const SIGNATURE_HEADER = 'x-baton-signature';
/** A signed request older or newer than this is refused, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, rawBody: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function checkWebhookSignature(
  header: string,
  secret: string,
  rawBody: string,
  nowSeconds: number,
): SignatureCheck {
  const parts = new Map<string, string[]>();
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    parts.set(key, [...(parts.get(key) ?? []), part.slice(eq + 1).trim()]);
  }
  const t = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(t)) return { ok: false, reason: 'the signature has no timestamp t=' };
  if (Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_SECONDS) {
    return {
      ok: false,
      reason: `the signature's timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} s away from now`,
    };
  }
  const expected = signWebhook(secret, rawBody, t).split('v1=')[1]!;
  // Several v1 values are allowed so a secret can be rotated without a gap.
  const matches = (parts.get('v1') ?? []).some((mac) => safeEqual(mac, expected));
  return matches ? { ok: true } : { ok: false, reason: 'the signature does not match the body' };
}
