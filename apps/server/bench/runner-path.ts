/**
 * The webhook's run path without HTTP (issue 5's throughput analysis): the hand-off flow
 * (handoff-flow.ts) published in a fresh `buildApp`, records fed straight to `runner.receive` in
 * rounds of 50 concurrent ones (one group commit each), with everything it does for real: the
 * duplicate check, the engine, the downstream upsert, the sealed input, the run row, the metrics
 * fact. Reports CPU per run (this process only: no load generator, no HTTP) and which b-trees the
 * commits write, from the WAL itself (a reader held open keeps the WAL from being reset while the
 * measured rounds run, so every frame they wrote is still in it). Pages are what a commit costs:
 * each one dirtied is written whole, to the WAL and later again by the checkpoint.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { benchConfig } from './bench-config.js';
import { HANDOFF_FLOW_ID, publishHandoff } from './handoff-flow.js';

export interface BtreeWrites {
  name: string;
  pagesPerCommit: number;
}

export interface WalWrites {
  file: string;
  kibPerRun: number;
  pagesPerCommit: number;
  runsPerCommit: number;
  btrees: BtreeWrites[];
}

export interface RunnerPathResult {
  runs: number;
  userUs: number;
  systemUs: number;
  wal: WalWrites[];
}

const GROUP = 50;

/** Which b-tree each page of the WAL belongs to (dbstat), counted per commit. */
function walWrites(file: string, runs: number): WalWrites {
  const wal = readFileSync(`${file}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const perPage = new Map<number, number>();
  let frames = 0;
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    const page = wal.readUInt32BE(at);
    perPage.set(page, (perPage.get(page) ?? 0) + 1);
    frames++;
    // A frame whose "database size" field is set ends a commit.
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  const db = new Database(file, { readonly: true });
  try {
    const owner = new Map<number, string>();
    for (const row of db.prepare('SELECT name, pageno FROM dbstat').all() as Array<{
      name: string;
      pageno: number;
    }>) {
      owner.set(row.pageno, row.name);
    }
    const byBtree = new Map<string, number>();
    for (const [page, count] of perPage) {
      const name = owner.get(page) ?? (page === 1 ? '(header)' : '(free list)');
      byBtree.set(name, (byBtree.get(name) ?? 0) + count);
    }
    return {
      file: file.split('/').pop()!,
      kibPerRun: (frames * pageSize) / runs / 1024,
      pagesPerCommit: frames / commits,
      runsPerCommit: runs / commits,
      btrees: [...byBtree]
        .map(([name, count]) => ({ name, pagesPerCommit: count / commits }))
        .sort((a, b) => b.pagesPerCommit - a.pagesPerCommit),
    };
  } finally {
    db.close();
  }
}

export async function benchRunnerPath(peerDir: string, rounds = 400): Promise<RunnerPathResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-runner-'));
  const config = benchConfig(dataDir);
  const app = await buildApp(config);
  try {
    await app.ready();
    await publishHandoff(dataDir, join(peerDir, 'contract.schema.json'));
    const body = readFileSync(join(peerDir, 'body.json'), 'utf8');
    let id = 0;
    const one = async () => {
      const record = JSON.parse(body.replace('[<id>]', `runner-${id++}`)) as Record<string, unknown>;
      const out = await app.runner.receive({ flowId: HANDOFF_FLOW_ID, record, idempotencyKey: undefined });
      if (out.kind !== 'executed' || out.run.status !== 'succeeded') {
        throw new Error(`unexpected outcome ${JSON.stringify(out)}`);
      }
    };
    const round = () => Promise.all(Array.from({ length: GROUP }, one));
    // Warm-up: JIT, statement caches, an index big enough that inserts land on random pages.
    for (let i = 0; i < 200; i++) await round();
    const files = ['baton.sqlite', 'downstream.sqlite'].map((f) => join(dataDir, f));
    const readers = files.map((file) => {
      const reader = new Database(file);
      reader.pragma('wal_checkpoint(TRUNCATE)');
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM sqlite_schema').get();
      return reader;
    });
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < rounds; i++) await round();
    const cpu = process.cpuUsage(cpu0);
    const runs = rounds * GROUP;
    for (const reader of readers) reader.close();
    return {
      runs,
      userUs: cpu.user / runs,
      systemUs: cpu.system / runs,
      wal: files.map((file) => walWrites(file, runs)),
    };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Rows for run.ts's table. */
export function runnerPathRows(result: RunnerPathResult) {
  const r = (n: number, d = 1) => Number(n.toFixed(d));
  return [
    {
      benchmark: `webhook run path without HTTP (hand-off flow, ${GROUP} per commit)`,
      result: r(result.userUs + result.systemUs, 0),
      unit: 'µs CPU/run',
      detail: `user ${r(result.userUs, 0)} + system ${r(result.systemUs, 0)} µs over ${result.runs} runs`,
    },
    ...result.wal.map((w) => ({
      benchmark: `  WAL written to ${w.file}`,
      result: r(w.kibPerRun),
      unit: 'KiB/run',
      detail: `${r(w.pagesPerCommit)} pages per commit of ${r(w.runsPerCommit, 0)} runs: ${w.btrees
        .slice(0, 5)
        .map((b) => `${b.name} ${r(b.pagesPerCommit)}`)
        .join(', ')}`,
    })),
  ];
}
