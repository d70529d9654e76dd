import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4310,
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      logLevel: 'info',
      bodyLimit: 1024 * 1024,
      seed: true,
    });
    expect(config.webDir).toMatch(/apps[/\\]web[/\\]dist$/);
    expect(config.examplesDir).toMatch(/examples$/);
  });

  it('reads the environment', () => {
    const config = loadConfig({
      BATON_PORT: '4399',
      BATON_HOST: '0.0.0.0',
      BATON_DATA_DIR: '/tmp/baton-x',
      BATON_LOG_LEVEL: 'WARN',
      BATON_BODY_LIMIT: '2MiB',
      BATON_SEED: 'false',
    });
    expect(config).toMatchObject({
      port: 4399,
      host: '0.0.0.0',
      dataDir: '/tmp/baton-x',
      logLevel: 'warn',
      bodyLimit: 2 * 1024 * 1024,
      seed: false,
    });
    expect(loadConfig({ BATON_BODY_LIMIT: '65536' }).bodyLimit).toBe(65536);
    expect(loadConfig({ BATON_BODY_LIMIT: '500kb' }).bodyLimit).toBe(500_000);
  });

  it('reports every invalid value at once', () => {
    try {
      loadConfig({ BATON_PORT: 'http', BATON_LOG_LEVEL: 'loud', BATON_BODY_LIMIT: '1GB' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
    expect(() => loadConfig({ BATON_PORT: '70000' })).toThrow(/BATON_PORT/);
    expect(() => loadConfig({ BATON_BODY_LIMIT: '10' })).toThrow(/BATON_BODY_LIMIT/);
  });
});
