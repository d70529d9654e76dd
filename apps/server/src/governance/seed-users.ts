import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import type { Role } from '@baton/store';
import { hashPassword } from '../auth/passwords.js';
import { newUserId } from '../routes/users.js';
import { auditedChange } from './record-audit.js';

export interface SeedUsersOptions {
  dataDir: string;
  /** `BATON_SEED_PASSWORD`; a random one (printed once, written to the data folder) when unset. */
  password: string | undefined;
}

/** The example's users: one per role that acts in it. `owner` owns the CRM fields of the example. */
export const SEED_USERS: ReadonlyArray<{
  username: string;
  displayName: string;
  role: Role;
  ownerId: string | null;
}> = [
  { username: 'admin', displayName: 'Admin', role: 'admin', ownerId: null },
  { username: 'analyst', displayName: 'Analyst', role: 'analyst', ownerId: null },
  { username: 'owner', displayName: 'CRM owner', role: 'owner', ownerId: 'crm-admin' },
];

export const SEED_CREDENTIALS_FILE = 'seed-credentials.txt';

/** On first start (no users at all) creates the seed users, so someone can sign in. */
export const seedUsersPlugin = fp<SeedUsersOptions>(
  async (app, options) => {
    if ((await app.store.auth.countUsers()) > 0) return;
    const random = options.password === undefined;
    const password = options.password ?? randomBytes(12).toString('base64url');
    // Hashed before the transaction: scrypt is slow and the transaction holds the database.
    const passwordHash = await hashPassword(password);
    const now = app.clock.now().toISOString();
    // All the seed users and their entries, or none: a crash half-way leaves no user and the
    // next start seeds again, instead of users whose creation the audit log never saw.
    const seeded = await auditedChange(app, 'system', async (tx) => {
      // Checked again inside: another process (cluster mode) may have seeded since the check above.
      if ((await tx.auth.countUsers()) > 0) return { result: false, audit: null };
      for (const user of SEED_USERS)
        await tx.auth.createUser({ id: newUserId(), ...user, passwordHash, now });
      return {
        result: true,
        audit: SEED_USERS.map((user) => ({
          action: 'user.create',
          targetKind: 'user',
          targetId: user.username,
          details: { role: user.role, ownerId: user.ownerId, seeded: true },
        })),
      };
    });
    if (seeded && random) {
      const file = join(options.dataDir, SEED_CREDENTIALS_FILE);
      writeFileSync(
        file,
        `Baton's seeded users (${SEED_USERS.map((u) => u.username).join(', ')}) share this password:\n${password}\n`,
        { mode: 0o600 },
      );
      // Printed once, on the console only (never through the logger): the operator needs it to sign in.
      console.log(
        `Seeded users ${SEED_USERS.map((u) => u.username).join(', ')} with password: ${password}\n` +
          `(also written to ${file}; set BATON_SEED_PASSWORD to choose it)`,
      );
    }
  },
  { name: 'baton-seed-users', fastify: '5.x', dependencies: ['baton-store', 'baton-runner'] },
);
