import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, UNUSABLE_PASSWORD_HASH, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with N=2^13, r=8, p=10 and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$8192\$8\$10\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('correct horse battery', UNUSABLE_PASSWORD_HASH)).toBe(false);
  });

  it('still verifies a hash stored with the former N=2^15, r=8, p=1', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('old password 1', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 128 * 1024 * 1024 });
    const stored = ['scrypt', 32768, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    expect(await verifyPassword('old password 1', stored)).toBe(true);
    expect(await verifyPassword('old password 2', stored)).toBe(false);
  });
});
