import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
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
  }, 120_000);

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
  }, 120_000);

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
  }, 120_000);

  it('refuses `worker` outside cluster mode', async () => {
    const res = await finished(cli(['worker']));
    expect(res).toMatchObject({
      code: 1,
      out: expect.stringContaining('BATON_DATABASE_URL and BATON_REDIS_URL'),
    });
  }, 120_000);

  it('exports an installation to a file and imports it into another', async () => {
    const file = join(dataDir, 'export.jsonl');
    const exported = await finished(cli(['export', file]));
    expect(exported).toMatchObject({ code: 0, out: expect.stringMatching(/Exported .*1 flow\b/) });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ kind: 'header', format: 'baton-export', withRuns: false });

    const otherDir = tempDir('baton-cli-import-');
    try {
      const imported = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'import', file], {
        cwd: serverDir,
        env: { ...process.env, BATON_DATA_DIR: otherDir, BATON_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(await finished(imported)).toMatchObject({
        code: 0,
        out: expect.stringMatching(/Imported 3 users, \d+ owners, 0 connections, 1 flows \(1 versions\)/),
      });
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
    expect(await finished(cli(['import']))).toMatchObject({
      code: 1,
      out: expect.stringContaining('needs a file'),
    });
  }, 180_000);
});
