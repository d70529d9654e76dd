import { join } from 'node:path';
import fp from 'fastify-plugin';
import type { Clock } from '@baton/nodes';
import { ConnectionService } from '../connections/connection-service.js';
import { loadSecretKey, SecretBox, SecretKeyError } from '../connections/secret-box.js';
import {
  countSealedOwnerSecrets,
  openOwnerSecret,
  sealPlaintextOwnerSecrets,
} from '../owners/owner-secrets.js';
import { realSleep, type Sleep } from '../targets/retry-policy.js';
import { EgressGuard } from '../targets/ssrf-guard.js';
import type { TargetThrottle } from '../targets/target-throttle.js';

declare module 'fastify' {
  interface FastifyInstance {
    connections: ConnectionService;
    /** The AES-256-GCM box for secrets at rest (connection credentials, owner webhook secrets). */
    secretBox: SecretBox | null;
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
  /** Cluster workers: a Redis-backed throttle so connection rate limits hold across processes. */
  throttle?: TargetThrottle;
}

/**
 * Named downstream connections and their credentials key. Refuses to start when connections
 * hold encrypted secrets and no key is configured (they could not be used, and a new random
 * key would silently orphan them).
 */
export const connectionsPlugin = fp<ConnectionsPluginOptions>(
  async (app, options) => {
    const sealed =
      (await app.store.connections.countWithSecrets()) + (await countSealedOwnerSecrets(app.store));
    const key = loadSecretKey({
      key: options.secretKey,
      keyFile: options.secretKeyFile ?? join(options.dataDir, 'secret.key'),
      // Sealed run inputs (run-inputs-plugin) need this key too: never replace it under them.
      mayCreate: sealed === 0 && (await app.store.runs.sealedInputSample()) === null,
    });
    if (!key && sealed > 0) {
      throw new SecretKeyError(
        `${sealed} connection(s) or owner webhook(s) hold encrypted credentials but no key is configured: set BATON_SECRET_KEY or BATON_SECRET_KEY_FILE`,
      );
    }
    const box = key ? new SecretBox(key) : null;
    // A wrong key would only show at the first write; find out now, before acknowledging records.
    const sample =
      sealed > 0 ? (await app.store.connections.list()).find((c) => c.secret !== null) : undefined;
    if (box && sample?.secret) box.open(sample.secret, `connection:${sample.name}`);
    const owner = (await app.store.owners.list()).find((o) => o.webhookSecret?.startsWith('v1.'));
    if (box && owner) openOwnerSecret(box, owner.id, owner.webhookSecret);
    // Owner webhook secrets stored before they were sealed: seal them now, once, before serving.
    if (box) await sealPlaintextOwnerSecrets(app.store, box, options.clock.now().toISOString());
    app.decorate('secretBox', box);
    const service = new ConnectionService({
      store: app.store,
      secrets: box,
      dataDir: options.dataDir,
      guard: new EgressGuard({ allow: options.egressAllow }),
      clock: options.clock,
      sleep: options.sleep ?? realSleep,
      ...(options.throttle && { throttle: options.throttle }),
    });
    app.decorate('connections', service);
    app.addHook('onClose', async () => service.close());
  },
  { name: 'baton-connections', fastify: '5.x', dependencies: ['baton-store'] },
);
