/**
 * The "bare Fastify prototype" (issue 5), as a reference row of the side-by-side bench:
 * what this machine does for the hand-off with nothing but the levers the issue names. Fastify,
 * the peer's contract compiled once with Ajv, the peer's mapping as a plain function, and a group
 * commit per event-loop turn into SQLite (WAL, synchronous=FULL): an idempotent upsert of the
 * record plus one append-only run row holding the steps as one JSON document, acknowledged only
 * after its commit. No authentication, no sealed input, no metrics, no run search indexes, one
 * database. Run by peer-compare.ts: `node --import tsx bench/bare-prototype.ts <port> <db file>`.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

type Validator = ((data: unknown) => boolean) & { errors?: unknown };
type AjvClass = new (options: object) => { compile(schema: object): Validator };

// Ajv 8 as the workspace pins it (a dependency of @baton/contracts, not of the server).
const contractsRequire = createRequire(join(import.meta.dirname, '../../../packages/contracts/package.json'));
const Ajv = (contractsRequire('ajv') as { default: AjvClass }).default;

const [portArg, dbFile, peerDir] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(join(peerDir!, 'contract.schema.json'), 'utf8')) as Record<
  string,
  unknown
>;
delete schema['$schema'];
const validate = new Ajv({ allErrors: true }).compile(schema);

const db = new Database(dbFile);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS records (idem_key TEXT PRIMARY KEY, data TEXT NOT NULL, updated_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS runs (seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL, doc TEXT NOT NULL);`);
const upsert = db.prepare(`INSERT INTO records (idem_key, data, updated_at) VALUES (?, ?, ?)
  ON CONFLICT(idem_key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`);
const insertRun = db.prepare('INSERT INTO runs (run_id, doc) VALUES (?, ?)');

const STATUS: Record<string, string> = { A: 'active', I: 'inactive', P: 'pending' };
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);
function isoDate(value: unknown): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text(value) ?? '');
  return m ? `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : undefined;
}

interface Job {
  key: string;
  record: string;
  runId: string;
  doc: string;
  at: number;
  done: () => void;
}
let pending: Job[] = [];
const commit = db.transaction((jobs: Job[]) => {
  for (const job of jobs) {
    upsert.run(job.key, job.record, job.at);
    insertRun.run(job.runId, job.doc);
  }
});
function flush(): void {
  const jobs = pending;
  pending = [];
  commit(jobs);
  for (const job of jobs) job.done();
}

const app = Fastify();
app.post('/hooks/handoff', async (request, reply) => {
  const input = request.body as Record<string, unknown>;
  const t0 = Date.now();
  const record = {
    idempotency_key: text(input['idempotency_key']),
    full_name: text(input['Customer Name']),
    email: text(input['email'])?.toLowerCase(),
    status: STATUS[text(input['status']) ?? ''],
    signup_date: isoDate(input['signup_date']),
    amount: Number(input['amount']),
  };
  if (!validate(record)) return reply.code(400).send({ errors: validate.errors });
  const at = Date.now();
  const runId = randomUUID();
  const steps = [
    { step: 'map', input, output: record, t0, t1: at },
    { step: 'validate', output: { valid: true }, t0: at, t1: at },
    { step: 'upsert', output: { key: record.idempotency_key }, t0: at, t1: at },
  ];
  const doc = JSON.stringify({ input, steps });
  if (pending.length === 0) setImmediate(flush);
  await new Promise<void>((done) =>
    pending.push({ key: record.idempotency_key!, record: JSON.stringify(record), runId, doc, at, done }),
  );
  return { ok: true, key: record.idempotency_key, run_id: runId };
});
await app.listen({ port: Number(portArg), host: '127.0.0.1' });
