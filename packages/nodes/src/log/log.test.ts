import { describe, expect, it } from 'vitest';
import { fakeContext } from '../testing/fake-context.js';
import { compileLog } from './compile.js';
import { executeLog } from './execute.js';

describe('log execute', () => {
  it('writes a ledger entry with masked fields, key, status and clock time; the record passes unchanged', async () => {
    const input = { order_id: 'SO-1', email: 'ada@example.com', phone: null };
    const ctx = fakeContext({ nodeId: 'n_log', recordKeyFields: ['order_id'], statusSoFar: () => 'flagged' });
    const result = await executeLog({ mask: ['email', 'phone', 'not_there'] }, input, ctx);
    expect(result.output).toBe(input);
    expect(input.email).toBe('ada@example.com');
    expect(result.ledger).toEqual({
      nodeId: 'n_log',
      recordKey: 'SO-1',
      status: 'flagged',
      at: '2026-03-15T10:00:00.000Z',
      payload: { order_id: 'SO-1', email: '***', phone: '***' },
    });
  });

  it('records a null key when the key fields are absent', async () => {
    const result = await executeLog({ mask: [] }, { a: 1 }, fakeContext({ recordKeyFields: ['order_id'] }));
    expect(result.ledger?.recordKey).toBeNull();
  });
});

describe('log compile', () => {
  it('warns about masking a field that does not arrive', () => {
    const out = compileLog({
      nodeId: 'n_log',
      config: { mask: ['email', 'ssn'] },
      fieldsIn: ['email'],
      incomingEdges: [],
      outgoingEdges: [],
    });
    expect(out.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['mask_field_unknown', 'warning', '/mask/1'],
    ]);
    expect(out.fieldsOut).toEqual(['email']);
  });
});
