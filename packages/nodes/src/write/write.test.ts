import { describe, expect, it } from 'vitest';
import { edgeWithContract, fakeContext, recordingTargets } from '../testing/fake-context.js';
import { compileWrite } from './compile.js';
import { executeWrite } from './execute.js';
import type { WriteConfig } from './spec.js';

const config: WriteConfig = {
  connection: 'downstream',
  table: 'orders',
  keyFields: ['order_id'],
  onConflict: 'update',
};

describe('write execute', () => {
  it('upserts the row keyed by the key fields, with an idempotency key from flow and record', async () => {
    const targets = recordingTargets();
    const row = { order_id: 'SO-1', total: 5 };
    const result = await executeWrite(config, row, fakeContext({ targets }));
    expect(result).toEqual({
      status: 'ok',
      port: 'done',
      output: row,
      checks: [],
      write: { target: 'downstream.orders', key: { order_id: 'SO-1' }, action: 'inserted', dryRun: false },
    });
    expect(targets.calls).toEqual([
      {
        method: 'upsert',
        request: {
          target: { connection: 'downstream', table: 'orders' },
          keyFields: ['order_id'],
          row,
          onConflict: 'update',
          columns: [{ name: 'order_id' }, { name: 'total' }],
          idempotencyKey: 'flow_test:SO-1',
        },
      },
    ]);
  });

  it('takes typed columns from the incoming contract when it has fields', async () => {
    const targets = recordingTargets();
    const incomingEdge = edgeWithContract([
      { name: 'order_id', type: 'string' },
      { name: 'total', type: 'integer' },
    ]);
    await executeWrite(config, { order_id: 'SO-1' }, fakeContext({ targets, incomingEdge }));
    expect(targets.calls[0]?.request.columns).toEqual([
      { name: 'order_id', type: 'string' },
      { name: 'total', type: 'integer' },
    ]);
  });

  it('only previews in a dry run', async () => {
    const targets = recordingTargets();
    const result = await executeWrite(config, { order_id: 'SO-1' }, fakeContext({ targets, dryRun: true }));
    expect(targets.calls.map((c) => c.method)).toEqual(['preview']);
    expect(result.write?.dryRun).toBe(true);
  });

  it('fails without touching the target when a key value is missing', async () => {
    const targets = recordingTargets();
    const result = await executeWrite(config, { order_id: '  ' }, fakeContext({ targets }));
    expect(result).toMatchObject({ status: 'failed', port: 'failed' });
    expect(result.error).toMatch(/order_id missing/);
    expect(targets.calls).toEqual([]);
  });

  it('turns a target error into a failed step on `failed`', async () => {
    const result = await executeWrite(
      config,
      { order_id: 'SO-1' },
      fakeContext({ targets: recordingTargets('disk full') }),
    );
    expect(result).toMatchObject({
      status: 'failed',
      port: 'failed',
      error: 'Write to downstream.orders failed: disk full',
    });
    expect(result.write).toBeUndefined();
  });
});

describe('write compile', () => {
  const input = (c: WriteConfig, fieldsIn: string[] | null) => ({
    nodeId: 'n_write',
    config: c,
    fieldsIn,
    incomingEdges: [],
    outgoingEdges: [],
  });

  it('accepts key fields that arrive, and any when the fields are unknown', () => {
    expect(compileWrite(input(config, ['order_id', 'total'])).diagnostics).toEqual([]);
    expect(compileWrite(input(config, null)).diagnostics).toEqual([]);
  });

  it('reports key fields that do not arrive or repeat', () => {
    const out = compileWrite(
      input({ ...config, keyFields: ['order_id', 'region', 'order_id'] }, ['order_id']),
    );
    expect(out.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['write_key_not_upstream', '/keyFields/1'],
      ['write_key_duplicate', '/keyFields/2'],
    ]);
  });
});
