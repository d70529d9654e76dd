import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit.js';
import { migratePostgres, openPostgresStore, PG_MIGRATIONS } from '../src/postgres/postgres-store.js';
import { MIGRATIONS } from '../src/sqlite/migrations.js';
import { randomSchema, schemaJanitor, TEST_PG_URL } from './backends.js';
import { at, changeNote, samplePlan, sampleSource } from './fixtures.js';
import { appendAudit } from './governance-contract.js';

const track = schemaJanitor();
const fresh = () => track(randomSchema());
const options = (schema: string) => ({ connectionString: TEST_PG_URL, schema });
const allIds = PG_MIGRATIONS.map((m) => m.id);

describe('PostgreSQL migrations', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
  });
  afterAll(() => client.end());

  const appliedIds = async (schema: string) =>
    (await client.query<{ id: number }>(`SELECT id FROM ${schema}.schema_migrations ORDER BY id`)).rows.map(
      (r) => r.id,
    );

  it('has the same ids and names as the SQLite migrations', () => {
    expect(PG_MIGRATIONS.map((m) => [m.id, m.name])).toEqual(MIGRATIONS.map((m) => [m.id, m.name]));
  });

  it('creates the schema, migrates it to the latest, and opens it again without migrating', async () => {
    const schema = fresh();
    const first = await openPostgresStore(options(schema));
    expect(first.migration).toEqual({ current: Math.max(...allIds), appliedNow: allIds });
    await first.flows.create({ id: 'orders', name: 'O', description: '', draft: sampleSource(), now: at(0) });
    await first.close();
    const second = await openPostgresStore(options(schema));
    expect(second.migration).toEqual({ current: Math.max(...allIds), appliedNow: [] });
    expect((await second.flows.get('orders'))?.name).toBe('O');
    await second.close();
    expect(await appliedIds(schema)).toEqual(allIds);
  });

  it('applies each migration once when two processes start at the same time', async () => {
    const schema = fresh();
    const [a, b] = await Promise.all([migratePostgres(options(schema)), migratePostgres(options(schema))]);
    expect([...a.appliedNow, ...b.appliedNow].sort((x, y) => x - y)).toEqual(allIds);
    expect(a.current).toBe(Math.max(...allIds));
    expect(b.current).toBe(Math.max(...allIds));
    expect(await appliedIds(schema)).toEqual(allIds);
  });

  it('brings an old schema up, keeping what it held (migration 8 widens the inbox kinds)', async () => {
    const schema = fresh();
    const old = await openPostgresStore({ ...options(schema), migrateTo: 7 });
    expect(old.migration).toEqual({ current: 7, appliedNow: [1, 2, 3, 4, 5, 6, 7] });
    await old.flows.create({ id: 'orders', name: 'O', description: '', draft: sampleSource(), now: at(0) });
    await old.close();
    // Rows as Baton at migration 7 wrote them: a failed run and a follow-up inbox item.
    await client.query(`SET search_path TO ${schema}`);
    try {
      await client.query(
        `INSERT INTO versions (flow_id, version, state, source, definition, content_hash, change_note, created_at)
         VALUES ('orders', 1, 'published', '{}', '{}', 'h', '{}', $1)`,
        [at(1)],
      );
      await client.query(
        `INSERT INTO runs (id, flow_id, version, status, idempotency_key, payload_hash, input, received_at,
           finished_at) VALUES ('run_old', 'orders', 1, 'failed', 'k', 'h', '{}', $1, $1)`,
        [at(2)],
      );
      await client.query(
        `INSERT INTO inbox_items (id, owner_id, kind, run_id, flow_id, message, record, status, created_at)
         VALUES ('ibx_1', 'crm-admin', 'follow_up', 'run_x', 'orders', 'check', '{"a":1}', 'open', $1)`,
        [at(2)],
      );
      await expect(
        client.query(
          `INSERT INTO inbox_items (id, owner_id, kind, run_id, flow_id, message, record, status, created_at)
           VALUES ('ibx_2', 'ops-lead', 'failed', 'run_y', 'orders', 'x', '{}', 'open', $1)`,
          [at(2)],
        ),
      ).rejects.toThrow(/check constraint/);
    } finally {
      await client.query('RESET search_path');
    }

    const store = await openPostgresStore(options(schema));
    expect(store.migration.appliedNow).toEqual(allIds.filter((id) => id > 7));
    expect(await store.notifications.getItem('ibx_1')).toMatchObject({ kind: 'follow_up', record: { a: 1 } });
    await store.notifications.addItems([
      {
        id: 'ibx_2',
        ownerId: 'ops-lead',
        kind: 'failed',
        runId: 'run_y',
        flowId: 'orders',
        edgeId: null,
        nodeId: null,
        field: null,
        rule: null,
        message: 'x',
        record: {},
        createdAt: at(3),
      },
    ]);
    // The run that failed before migration 8 is history, not news.
    expect(await store.notifications.pendingRuns(10)).toEqual([]);
    expect((await store.runs.get('run_old'))?.steps).toEqual([]);
    await store.close();
  });

  it('reads the steps of runs finished before migration 12 from run_steps', async () => {
    const schema = fresh();
    const old = await openPostgresStore({ ...options(schema), migrateTo: 11 });
    await old.flows.create({ id: 'orders', name: 'O', description: '', draft: sampleSource(), now: at(0) });
    await old.versions.create({
      flowId: 'orders',
      source: sampleSource(),
      definition: samplePlan('h'),
      changeNote,
      now: at(1),
    });
    await old.close();
    const step = { seq: 1, nodeId: 'n_trigger1', note: 'as Baton before migration 12 stored it' };
    await client.query(`SET search_path TO ${schema}`);
    try {
      await client.query(
        `INSERT INTO runs (id, flow_id, version, status, idempotency_key, payload_hash, input, received_at,
           finished_at) VALUES ('r_old', 'orders', 1, 'succeeded', 'k', 'h', '{}', $1, $1)`,
        [at(2)],
      );
      await client.query(
        `INSERT INTO run_steps (run_id, seq, node_id, kind, status, started_at, duration_ms, step)
         VALUES ('r_old', 1, 'n_trigger1', 'trigger', 'ok', $1, 0, $2)`,
        [at(2), JSON.stringify(step)],
      );
    } finally {
      await client.query('RESET search_path');
    }
    const store = await openPostgresStore(options(schema));
    expect((await store.runs.get('r_old'))?.steps).toEqual([step]);
    expect(await store.runs.purge(at(3), at(4), 10)).toBe(1);
    expect((await store.runs.get('r_old'))?.steps).toEqual([]);
    await store.close();
  });

  it('opens without migrating when asked, and refuses a schema migrated by a newer Baton', async () => {
    const schema = fresh();
    const bare = await openPostgresStore({ ...options(schema), migrate: false });
    expect(bare.migration).toEqual({ current: 0, appliedNow: [] });
    await bare.close();
    await migratePostgres(options(schema));
    await client.query(
      `INSERT INTO ${schema}.schema_migrations (id, name, applied_at) VALUES (999, 'future', '${at(0)}')`,
    );
    await expect(openPostgresStore(options(schema))).rejects.toThrow(/newer than this Baton knows/);
    await expect(openPostgresStore({ ...options(schema), migrate: false })).rejects.toThrow(/newer/);
  });

  it('refuses a schema name it would have to quote', async () => {
    await expect(openPostgresStore(options('Robert"); DROP TABLE x; --'))).rejects.toThrow(/invalid/);
  });

  it('keeps versions immutable and the audit log append-only in the database itself', async () => {
    const schema = fresh();
    const store = await openPostgresStore(options(schema));
    await store.flows.create({ id: 'f', name: 'F', description: '', draft: sampleSource(), now: at(0) });
    await store.versions.create({
      flowId: 'f',
      source: sampleSource(),
      definition: samplePlan('h1'),
      changeNote,
      now: at(1),
      author: 'ana',
    });
    for (const action of ['one', 'two', 'three']) await appendAudit(store, action);
    await expect(client.query(`UPDATE ${schema}.versions SET definition = '{}'`)).rejects.toThrow(
      /immutable/,
    );
    await expect(client.query(`UPDATE ${schema}.versions SET author = 'mallory'`)).rejects.toThrow(
      /immutable/,
    );
    await expect(client.query(`DELETE FROM ${schema}.audit_log`)).rejects.toThrow(/append-only/);
    await expect(
      client.query(`INSERT INTO ${schema}.drafts (flow_id, source, updated_at) VALUES ('ghost', '{}', 'x')`),
    ).rejects.toThrow(/foreign key/);

    // Someone with DDL rights edits an entry: the chain shows it.
    await client.query(`ALTER TABLE ${schema}.audit_log DISABLE TRIGGER audit_no_update`);
    await client.query(`UPDATE ${schema}.audit_log SET details = '{"n":99}' WHERE seq = 2`);
    expect(verifyAuditChain(await store.audit.all())).toMatchObject({ ok: false, brokenAt: 2 });
    await store.close();
  });

  it('stores JSON as the exact text it was given (no jsonb key reordering)', async () => {
    const schema = fresh();
    const store = await openPostgresStore(options(schema));
    const payload = { zeta: 1, alpha: 2, 'b key': [3, { y: 1, x: 2 }] };
    await store.connections.put({
      name: 'c',
      kind: 'http',
      config: payload,
      secret: null,
      createdAt: at(0),
      updatedAt: at(0),
    });
    const { rows } = await client.query<{ config: string }>(`SELECT config FROM ${schema}.connections`);
    expect(rows[0]!.config).toBe(JSON.stringify(payload));
    await store.close();
  });
});
