import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { pooledRandomBytes } from '../random-pool.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const VERSION = 'v1';

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

/**
 * AES-256-GCM for connection credentials at rest. Ciphertext is `v1.<iv>.<tag>.<data>` (base64url);
 * the connection name is bound as associated data, so a secret copied onto another connection
 * row fails to decrypt instead of leaking there.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new SecretKeyError('the secret key must be 32 bytes (AES-256)');
  }

  seal(plaintext: string, context: string): string {
    const iv = pooledRandomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string, context: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined)
      throw new SecretKeyError('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SecretKeyError('a stored secret does not decrypt with this key (wrong BATON_SECRET_KEY?)');
    }
  }
}

function parseKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new SecretKeyError(`${origin} must hold 32 bytes, as 64 hex digits or base64`);
  return key;
}

export interface SecretKeySource {
  /** `BATON_SECRET_KEY`: 64 hex digits or base64 of 32 bytes. */
  key?: string | undefined;
  /** `BATON_SECRET_KEY_FILE`: a file holding the key. */
  keyFile: string;
  /** Create `keyFile` when no key exists yet (never when secrets are already stored). */
  mayCreate: boolean;
}

/**
 * The key from the environment, else from the key file. Without either, a fresh key file is
 * written (mode 600) only when nothing is encrypted yet; otherwise the caller refuses to start.
 */
export function loadSecretKey(source: SecretKeySource): Buffer | null {
  if (source.key) return parseKey(source.key, 'BATON_SECRET_KEY');
  if (existsSync(source.keyFile)) return parseKey(readFileSync(source.keyFile, 'utf8'), source.keyFile);
  if (!source.mayCreate) return null;
  const key = randomBytes(32);
  mkdirSync(dirname(source.keyFile), { recursive: true });
  writeFileSync(source.keyFile, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
