import { join } from 'node:path';
import fp from 'fastify-plugin';
import type { Clock } from '@baton/nodes';
import { ConnectionService } from '../connections/connection-service.js';
import { loadSecretKey, SecretBox, SecretKeyError } from '../connections/secret-box.js';
import { realSleep, type Sleep } from '../targets/retry-policy.js';
import { EgressGuard } from '../targets/ssrf-guard.js';

declare module 'fastify' {
  interface FastifyInstance {
    connections: ConnectionService;
  }
}

export interface ConnectionsPluginOptions {
  dataDir: string;
  secretKey: string | undefined;
  secretKeyFile: string | undefined;
  egressAllow: readonly string[];
  clock: Clock;
  /** Injected by tests so HTTP retries do not wait in real time. */
  sleep?: Sleep;
}

/**
 * Named downstream connections and their credentials key. Refuses to start when connections
 * hold encrypted secrets and no key is configured (they could not be used, and a new random
 * key would silently orphan them).
 */
export const connectionsPlugin = fp<ConnectionsPluginOptions>(
  async (app, options) => {
    const sealed = await app.store.connections.countWithSecrets();
    const key = loadSecretKey({
      key: options.secretKey,
      keyFile: options.secretKeyFile ?? join(options.dataDir, 'secret.key'),
      mayCreate: sealed === 0,
    });
    if (!key && sealed > 0) {
      throw new SecretKeyError(
        `${sealed} connection(s) hold encrypted credentials but no key is configured: set BATON_SECRET_KEY or BATON_SECRET_KEY_FILE`,
      );
    }
    const box = key ? new SecretBox(key) : null;
    // A wrong key would only show at the first write; find out now, before acknowledging records.
    const sample =
      sealed > 0 ? (await app.store.connections.list()).find((c) => c.secret !== null) : undefined;
    if (box && sample?.secret) box.open(sample.secret, `connection:${sample.name}`);
    const service = new ConnectionService({
      store: app.store,
      secrets: box,
      dataDir: options.dataDir,
      guard: new EgressGuard({ allow: options.egressAllow }),
      clock: options.clock,
      sleep: options.sleep ?? realSleep,
    });
    app.decorate('connections', service);
    app.addHook('onClose', async () => service.close());
  },
  { name: 'baton-connections', fastify: '5.x', dependencies: ['baton-store'] },
);
