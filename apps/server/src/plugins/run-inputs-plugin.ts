import { join } from 'node:path';
import fp from 'fastify-plugin';
import { loadSecretKey, SecretBox, SecretKeyError } from '../connections/secret-box.js';
import { RunInputVault } from '../runner/run-input-vault.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Seals run inputs at rest; only the runner and replay open them. */
    runInputs: RunInputVault;
  }
}

export interface RunInputsPluginOptions {
  dataDir: string;
  secretKey: string | undefined;
  secretKeyFile: string | undefined;
}

/**
 * The key that seals run inputs: the connection-secrets key (the connections plugin, registered
 * before, has created the key file if there was none and nothing was sealed). Refuses to start
 * without a key, or when the key does not open a stored input: runs would be acknowledged that
 * could then never be executed, recovered or replayed.
 */
export const runInputsPlugin = fp<RunInputsPluginOptions>(
  async (app, options) => {
    const key = loadSecretKey({
      key: options.secretKey,
      keyFile: options.secretKeyFile ?? join(options.dataDir, 'secret.key'),
      mayCreate: false,
    });
    if (!key) {
      throw new SecretKeyError(
        'run inputs are stored encrypted but no key is configured: set BATON_SECRET_KEY or BATON_SECRET_KEY_FILE',
      );
    }
    const vault = new RunInputVault(new SecretBox(key));
    const sample = await app.store.runs.sealedInputSample();
    if (sample) vault.check(sample);
    app.decorate('runInputs', vault);
  },
  { name: 'baton-run-inputs', fastify: '5.x', dependencies: ['baton-store', 'baton-connections'] },
);
