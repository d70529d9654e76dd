/**
 * Baton against the bench-peer (Node-RED 4.1 doing the same hand-off), under the same load from
 * ../shared/bench-peer/run.sh: the server pinned to CPU 0, wrk on CPU 1, 50 connections, 5 s
 * warm-up, 15 s measured. Baton runs from a fresh bundle of the current source, as `baton start`
 * in its own data folder, with the durable path unchanged (synchronous=FULL, acknowledged only
 * after commit, every run stored with its steps).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'tsup';
import { serverBundleEntries } from '../bundle-entries.js';
import { HANDOFF_FLOW_ID, HANDOFF_TABLE, publishHandoff } from './handoff-flow.js';

const here = dirname(fileURLToPath(import.meta.url));
const serverDir = resolve(here, '..');
const repoDir = resolve(serverDir, '../..');

/** One JSON line of run.sh (see ../shared/bench-peer/README.md). */
export interface PeerResult {
  target: string;
  req_per_s: number;
  p50_ms: number;
  p99_ms: number;
  cpu_us_per_req: number | null;
  rss_mb: number | null;
  non2xx: number;
  errors: number;
  requests: number;
  server_cpu_pct: number | null;
  gen: string;
}

export interface PeerCompareOptions {
  /** The bench-peer folder (BENCH_PEER_DIR, default ../shared/bench-peer next to the repo). */
  peerDir: string;
  /** Baton's port (BENCH_PORT). */
  port: number;
  /** Alternating rounds; medians are reported (BENCH_ROUNDS). */
  rounds: number;
  /** A prebuilt `cli.js` to run (BENCH_SERVER_CLI); otherwise the current source is bundled. */
  serverCli?: string;
  /** Skip the Node-RED side (BENCH_PEER=0): Baton alone against the README's reference. */
  withPeer: boolean;
  /** Also measure the bare prototype (bare-prototype.ts) as a reference row (BENCH_PROTOTYPE=0 skips). */
  withPrototype: boolean;
}

export interface PeerCompareResult {
  baton: PeerResult;
  peer: PeerResult | null;
  prototype: PeerResult | null;
  runs: { baton: PeerResult[]; peer: PeerResult[]; prototype: PeerResult[] };
  /** Acknowledged (2xx) requests vs rows downstream, per Baton round. */
  durability: Array<{ acknowledged: number; rows: number; runs: number }>;
}

const PASSWORD = 'bench-password-1';

/**
 * Bundles the current server source into a scratch folder under bench/ (never into dist/, which
 * others serve from), deleted after the bench: inside the package, so the bundle's external
 * npm dependencies resolve from apps/server/node_modules.
 */
async function bundleServer(): Promise<string> {
  const outDir = mkdtempSync(join(here, '.bundle-'));
  // The package's tsup config, minus its side effect of copying examples into ./dist.
  await build({
    config: false,
    entry: serverBundleEntries(serverDir),
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    outDir,
    splitting: false,
    silent: true,
    noExternal: [/^@baton\//],
    banner: {
      js: "import { createRequire as __batonCreateRequire } from 'node:module';\nconst require = __batonCreateRequire(import.meta.url);",
    },
  });
  return join(outDir, 'cli.js');
}

function runPeer(peerDir: string, args: string[], env: Record<string, string>): PeerResult {
  const result = spawnSync('bash', [join(peerDir, 'run.sh'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  const line = result.stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (result.status !== 0 || !line) throw new Error(`run.sh ${args.join(' ')} failed (${result.status})`);
  return JSON.parse(line) as PeerResult;
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`baton exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('baton did not become healthy in 30 s');
}

async function apiToken(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const res = await fetch(`${baseUrl}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench' }),
  });
  const { token } = (await res.json()) as { token?: string };
  if (!token) throw new Error(`could not create an API token: ${res.status}`);
  return token;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM, then SIGKILL after 10 s; resolves once the process is gone. Polls the pid rather than
 * waiting for the 'exit' event alone: a child that exits while run.sh holds the event loop in
 * spawnSync sometimes never reported 'exit', and the bench then ended silently with code 0.
 */
async function stopProcess(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (child.exitCode !== null || child.signalCode !== null || pid === undefined) return;
  child.kill('SIGTERM');
  const deadline = Date.now() + 10_000;
  while (child.exitCode === null && child.signalCode === null && alive(pid)) {
    if (Date.now() > deadline + 10_000) return; // a zombie nobody reaps: it is not running
    if (Date.now() > deadline) child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function countRows(dataDir: string): { rows: number; runs: number } {
  const down = new Database(join(dataDir, 'downstream.sqlite'), { readonly: true });
  const own = new Database(join(dataDir, 'baton.sqlite'), { readonly: true });
  try {
    const rows = (down.prepare(`SELECT COUNT(*) AS n FROM ${HANDOFF_TABLE}`).get() as { n: number }).n;
    const runs = (
      own
        .prepare(`SELECT COUNT(*) AS n FROM runs WHERE flow_id = ? AND status = 'succeeded'`)
        .get(HANDOFF_FLOW_ID) as { n: number }
    ).n;
    return { rows, runs };
  } finally {
    down.close();
    own.close();
  }
}

/** One Baton round: fresh data folder, start, publish, token, load, stop, count. */
async function batonRound(cli: string, options: PeerCompareOptions) {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-peer-'));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each Baton round, written there when it stops.
  const profile = process.env['BENCH_CPU_PROF'];
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profile)}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, cli, 'start'], {
    env: {
      ...process.env,
      BATON_PORT: String(options.port),
      BATON_HOST: '127.0.0.1',
      BATON_DATA_DIR: dataDir,
      BATON_LOG_LEVEL: 'warn',
      BATON_SEED_PASSWORD: PASSWORD,
      BATON_EXAMPLES_DIR: join(repoDir, 'examples'),
      BATON_WEB_DIR: join(dataDir, 'no-web'),
      // The bench measures the run path, not the per-flow rate limit.
      BATON_HOOK_RATE_LIMIT: '100000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(baseUrl, child);
    await publishHandoff(dataDir, join(options.peerDir, 'contract.schema.json'));
    const token = await apiToken(baseUrl);
    const result = runPeer(options.peerDir, ['url', `${baseUrl}/hooks/${HANDOFF_FLOW_ID}`], {
      SERVER_PID: String(child.pid),
      EXTRA_HEADER: `Authorization: Bearer ${token}`,
    });
    await stopProcess(child);
    const counted = countRows(dataDir);
    // The smoke and warm-up requests are acknowledged too, so rows ≥ measured 2xx.
    return { result, durability: { acknowledged: result.requests - result.non2xx, ...counted } };
  } finally {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One round of the bare prototype (bare-prototype.ts) in a fresh temp folder. */
async function prototypeRound(options: PeerCompareOptions): Promise<PeerResult> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-prototype-'));
  const port = options.port + 2;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(here, 'bare-prototype.ts'),
      String(port),
      join(dir, 'prototype.sqlite'),
      options.peerDir,
    ],
    { cwd: serverDir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  try {
    // run.sh waits for the smoke POST to answer 2xx (READY_TIMEOUT), so no health check here.
    return runPeer(options.peerDir, ['url', `http://127.0.0.1:${port}/hooks/handoff`], {
      SERVER_PID: String(child.pid),
    });
  } finally {
    await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** The per-field median of several rounds (each figure on its own, as the peer README advises). */
function medianResult(results: PeerResult[]): PeerResult {
  const pick = (f: (r: PeerResult) => number | null) => {
    const values = results.map(f).filter((v): v is number => v !== null);
    return values.length > 0 ? median(values) : null;
  };
  return {
    ...results[0]!,
    req_per_s: pick((r) => r.req_per_s)!,
    p50_ms: pick((r) => r.p50_ms)!,
    p99_ms: pick((r) => r.p99_ms)!,
    cpu_us_per_req: pick((r) => r.cpu_us_per_req),
    rss_mb: pick((r) => r.rss_mb),
    server_cpu_pct: pick((r) => r.server_cpu_pct),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    requests: pick((r) => r.requests)!,
  };
}

export function peerCompareOptions(): PeerCompareOptions {
  return {
    peerDir: resolve(process.env['BENCH_PEER_DIR'] ?? join(repoDir, '../shared/bench-peer')),
    port: Number(process.env['BENCH_PORT'] ?? 4431),
    rounds: Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 1)),
    serverCli: process.env['BENCH_SERVER_CLI'],
    withPeer: process.env['BENCH_PEER'] !== '0',
    withPrototype: process.env['BENCH_PROTOTYPE'] !== '0',
  };
}

/** Runs peer and Baton rounds alternately and answers the medians. */
export async function benchPeerCompare(options: PeerCompareOptions): Promise<PeerCompareResult> {
  if (!existsSync(join(options.peerDir, 'run.sh'))) throw new Error(`no bench-peer at ${options.peerDir}`);
  const cli = options.serverCli ?? (await bundleServer());
  const runs: PeerCompareResult['runs'] = { baton: [], peer: [], prototype: [] };
  const durability: PeerCompareResult['durability'] = [];
  try {
    for (let round = 1; round <= options.rounds; round++) {
      if (options.withPeer) {
        console.error(`[bench] round ${round}/${options.rounds}: Node-RED`);
        runs.peer.push(runPeer(options.peerDir, ['nodered'], { PORT: String(options.port + 1) }));
      }
      console.error(`[bench] round ${round}/${options.rounds}: Baton`);
      const { result, durability: d } = await batonRound(cli, options);
      runs.baton.push(result);
      durability.push(d);
      if (options.withPrototype) {
        console.error(`[bench] round ${round}/${options.rounds}: bare prototype`);
        runs.prototype.push(await prototypeRound(options));
      }
    }
  } finally {
    if (!options.serverCli) rmSync(dirname(cli), { recursive: true, force: true });
  }
  return {
    baton: medianResult(runs.baton),
    peer: runs.peer.length > 0 ? medianResult(runs.peer) : null,
    prototype: runs.prototype.length > 0 ? medianResult(runs.prototype) : null,
    runs,
    durability,
  };
}

/** The README's reference for the peer, used when Node-RED is not run (BENCH_PEER=0). */
export const PEER_REFERENCE: PeerResult = {
  target: 'nodered (README reference)',
  req_per_s: 1200,
  p50_ms: 41,
  p99_ms: 105,
  cpu_us_per_req: 800,
  rss_mb: 230,
  non2xx: 0,
  errors: 0,
  requests: 18000,
  server_cpu_pct: null,
  gen: 'wrk',
};

/** The side-by-side rows, ratios and targets (issue 5: ≥5× req/s, ≤0.5× p99, ≤0.2× CPU/req, ≤140 MB). */
export function compareTable(result: PeerCompareResult) {
  const peer = result.peer ?? PEER_REFERENCE;
  const { baton } = result;
  const r = (n: number | null, d = 1) => (n === null ? null : Number(n.toFixed(d)));
  const row = (name: string, x: PeerResult) => ({
    target: name,
    'req/s': r(x.req_per_s),
    'p50 ms': r(x.p50_ms, 2),
    'p99 ms': r(x.p99_ms, 2),
    'CPU µs/req': r(x.cpu_us_per_req),
    'RSS MB': r(x.rss_mb, 0),
    'non-2xx': x.non2xx,
    errors: x.errors,
  });
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
  const met = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'met' : 'NOT met');
  const figures = (x: PeerResult) => ({
    rps: ratio(x.req_per_s, peer.req_per_s),
    p99: ratio(x.p99_ms, peer.p99_ms),
    cpu: ratio(x.cpu_us_per_req, peer.cpu_us_per_req),
    rss: x.rss_mb,
  });
  const b = figures(baton);
  // The prototype's own figures show whether the targets are within this machine's reach at all.
  const p = result.prototype ? figures(result.prototype) : null;
  const target = (
    figure: string,
    key: keyof typeof b,
    goal: string,
    digits: number,
    ok: (v: number) => boolean,
  ) => ({
    figure,
    value: r(b[key], digits),
    target: goal,
    verdict: met(b[key] === null ? null : ok(b[key])),
    ...(p && { 'bare prototype': r(p[key], digits) }),
  });
  return {
    rows: [
      row(peer.target, peer),
      row('baton (durable, synchronous=FULL)', baton),
      ...(result.prototype ? [row('reference: bare prototype (bare-prototype.ts)', result.prototype)] : []),
    ],
    targets: [
      target('req/s × peer', 'rps', '≥ 5', 2, (v) => v >= 5),
      target('p99 × peer', 'p99', '≤ 0.5', 2, (v) => v <= 0.5),
      target('CPU/req × peer', 'cpu', '≤ 0.2', 2, (v) => v <= 0.2),
      target('peak RSS MB', 'rss', '≤ 140', 0, (v) => v <= 140),
    ],
  };
}
