import { canonicalJson, type Plan } from '@baton/schema';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** sha256 (hex) of the canonical JSON of the plan without its hash; browser-safe (no node:crypto). */
export function planContentHash(plan: Omit<Plan, 'contentHash'>): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(plan))));
}
