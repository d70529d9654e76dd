import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(8192);
let offset = pool.length;

/**
 * Cryptographically random bytes from a refilled pool: `randomBytes` per call (a run id and an
 * AES-GCM nonce per webhook) cost a call into OpenSSL each, a visible share of a run's CPU.
 * Node's `randomUUID` caches the same way. Each byte is handed out once.
 */
export function pooledRandomBytes(size: number): Buffer {
  if (size > pool.length) return randomFillSync(Buffer.alloc(size));
  if (offset + size > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + size));
  offset += size;
  return bytes;
}
