import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, tempDir } from './test-app.js';

const serverDir = join(import.meta.dirname, '..');
const dataDir = tempDir('baton-cli-');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: serverDir,
    env: {
      ...process.env,
      BATON_DATA_DIR: dataDir,
      BATON_PORT: '0',
      BATON_LOG_LEVEL: 'warn',
      BATON_SEED_PASSWORD: 'cli-test-password',
      BATON_EXAMPLES_DIR: EXAMPLES_DIR,
      BATON_WEB_DIR: join(dataDir, 'no-web'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(child: ReturnType<typeof cli>): Promise<{ code: number | null; out: string }> {
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

describe('baton CLI', () => {
  it('migrates, then reports the database up to date', async () => {
    const first = await finished(cli(['migrate']));
    expect(first).toMatchObject({ code: 0, out: expect.stringContaining('Applied migrations 1, 2') });
    const second = await finished(cli(['migrate']));
    expect(second.out).toMatch(/already at migration \d+/);
  }, 30_000);

  it('starts, serves, and shuts down cleanly on SIGTERM', async () => {
    const child = cli(['start']);
    const exit = finished(child);
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /Baton listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`exited before listening:\n${out}`)));
    });
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'cli-test-password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const flows = (await (await fetch(`${url}/api/flows`, { headers: { cookie } })).json()) as {
      items: Array<{ id: string }>;
    };
    expect(flows.items.map((f) => f.id)).toEqual(['order-to-fulfillment']);
    child.kill('SIGTERM');
    const { code, out } = await exit;
    expect(code).toBe(0);
    expect(out).toContain(`Data folder: ${dataDir}`);
  }, 30_000);

  it('refuses an invalid configuration and an unknown command', async () => {
    const bad = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start'], {
      cwd: serverDir,
      env: { ...process.env, BATON_PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(await finished(bad)).toMatchObject({ code: 1, out: expect.stringContaining('BATON_PORT') });
    expect(await finished(cli(['frobnicate']))).toMatchObject({
      code: 1,
      out: expect.stringContaining('Unknown command'),
    });
  }, 30_000);
});
