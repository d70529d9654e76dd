import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '@baton/store';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { SecretBox, SecretKeyError } from '../src/connections/secret-box.js';
import { RunInputVault } from '../src/runner/run-input-vault.js';
import { payloadHashOf } from '../src/runner/webhook-intake.js';
import { EXAMPLE_FLOW_ID } from '../src/seed/seed-example.js';
import { downstreamRows, startTestApp, testConfig } from './test-app.js';

const EMAIL = 'Ada.Sealed@Example.COM';
const record = (id: string, email = EMAIL) => ({
  order_id: ` ${id}`,
  account_number: 'ac-123456',
  customer_tier: 'Gold',
  order_date: '03/15/2026',
  total: '1,249.50',
  email: ` ${email}`,
});

/** Every byte Baton's database holds on disk: the file and, if any, its write-ahead log. */
function databaseBytes(dataDir: string): string {
  const file = join(dataDir, 'baton.sqlite');
  return [file, `${file}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');
}

describe('run inputs at rest', () => {
  it('keeps no pii of a webhook run readable in baton.sqlite, yet shows and replays it', async () => {
    const first = await startTestApp({ seed: true });
    const { app } = first;
    const sent = await app.inject({
      method: 'POST',
      url: `/hooks/${EXAMPLE_FLOW_ID}`,
      payload: record('SO-70000'),
    });
    expect(sent.json()).toMatchObject({ status: 'succeeded' });
    const runId = sent.json().runId as string;

    // The API shows the masked input and trace, never the sealed envelope.
    const shown = (await app.inject(`/api/runs/${runId}`)).json();
    expect(shown.input).toMatchObject({ order_id: ' SO-70000', email: '***' });
    expect(shown).not.toHaveProperty('inputSealed');
    expect(JSON.stringify(shown).toLowerCase()).not.toContain('ada.sealed');
    const exported = (await app.inject(`/api/runs/${runId}/export`)).body;
    expect(exported.toLowerCase()).not.toContain('ada.sealed');

    // Replay opens the sealed input and reproduces the run exactly.
    const replay = (
      await app.inject({ method: 'POST', url: `/api/runs/${runId}/replay`, payload: { version: 1 } })
    ).json();
    expect(replay.diff.identical).toBe(true);
    // The raw value did reach the downstream: execution used the real input.
    const rows = downstreamRows(first.config.dataDir, 'fulfillment_queue');
    expect(rows.map((r) => r.email)).toEqual(['ada.sealed@example.com']);
    await first.close({ keepData: true });

    const bytes = databaseBytes(first.config.dataDir).toLowerCase();
    expect(bytes).toContain('so-70000'); // the file is readable at all…
    expect(bytes).not.toContain('ada.sealed'); // …but holds the e-mail in no form
    const db = new Database(join(first.config.dataDir, 'baton.sqlite'), { readonly: true });
    const row = db.prepare('SELECT input, input_sealed FROM runs WHERE id = ?').get(runId) as {
      input: string;
      input_sealed: string;
    };
    db.close();
    expect(JSON.parse(row.input)).toMatchObject({ email: '***' });
    expect(row.input_sealed).toMatch(/^v1\./);
    rmSync(first.config.dataDir, { recursive: true, force: true });
  });

  it('executes a sealed run left queued by a crash after restart', async () => {
    const before = await startTestApp({ seed: true });
    const dataDir = before.config.dataDir;
    await before.close({ keepData: true });

    // What a crash leaves: a committed intake row, sealed with the data dir's key.
    const key = Buffer.from(readFileSync(join(dataDir, 'secret.key'), 'utf8').trim(), 'hex');
    const vault = new RunInputVault(new SecretBox(key));
    const input = record('SO-70001', 'grace@example.com');
    const store = await openSqliteStore({ file: join(dataDir, 'baton.sqlite') });
    await store.runs.insert({
      id: 'run_sealed_queued',
      flowId: EXAMPLE_FLOW_ID,
      version: 1,
      status: 'queued',
      recordKey: null,
      idempotencyKey: `sha256:${payloadHashOf(input)}`,
      payloadHash: payloadHashOf(input),
      ...vault.seal(EXAMPLE_FLOW_ID, input, new Set(['email'])),
      receivedAt: new Date().toISOString(),
      duplicateOf: null,
    });
    await store.close();

    const after = await startTestApp({ seed: true, dataDir });
    const run = (await after.app.inject('/api/runs/run_sealed_queued')).json();
    expect(run).toMatchObject({ status: 'succeeded', recordKey: 'SO-70001', input: { email: '***' } });
    expect(downstreamRows(dataDir, 'fulfillment_queue').map((r) => r.email)).toEqual(['grace@example.com']);
    // The same body again is a duplicate: payload hashes are taken before sealing.
    const resend = await after.app.inject({
      method: 'POST',
      url: `/hooks/${EXAMPLE_FLOW_ID}`,
      payload: input,
    });
    expect(resend.json()).toMatchObject({ status: 'duplicate' });
    await after.close();
  });

  it('refuses to start with the wrong key or none once inputs are sealed', async () => {
    const first = await startTestApp({ seed: true, secretKey: 'ab'.repeat(32) });
    const dataDir = first.config.dataDir;
    await first.app.inject({ method: 'POST', url: `/hooks/${EXAMPLE_FLOW_ID}`, payload: record('SO-70002') });
    await first.close({ keepData: true });

    await expect(buildApp(testConfig({ dataDir, secretKey: 'cd'.repeat(32) }))).rejects.toThrow(
      SecretKeyError,
    );
    // No key and no key file: a fresh key would orphan the sealed inputs, so none is made.
    await expect(buildApp(testConfig({ dataDir }))).rejects.toThrow(/no key is configured/);
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(false);
    const right = await startTestApp({ dataDir, secretKey: 'ab'.repeat(32) });
    await right.close();
  });
});
