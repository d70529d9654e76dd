import type { Step } from '@baton/schema';
import { describe, expect, it } from 'vitest';
import { maskTrace, piiFieldsOf } from './mask-trace.js';

const step = (over: Partial<Step>): Step => ({
  seq: 1,
  nodeId: 'n1',
  kind: 'trigger',
  label: 't',
  status: 'ok',
  input: {},
  output: {},
  checks: [],
  startedAt: '2026-03-15T09:30:00.000Z',
  durationMs: 0,
  ...over,
});

describe('maskTrace', () => {
  const fields = piiFieldsOf([
    {
      contract: {
        extraFields: 'drop',
        fields: [{ name: 'email', type: 'string', required: false, classification: 'pii' }],
      },
    },
    { contract: null },
  ]);

  it('masks pii in the input, every step (the trigger included) and ledger payloads', () => {
    const trace = {
      input: { email: 'a@b.c', id: 1 },
      steps: [
        step({ input: { email: 'a@b.c' }, output: { email: 'a@b.c', id: 1 } }),
        step({
          seq: 2,
          kind: 'log',
          input: { email: 'x' },
          output: 'not a record',
          ledger: { nodeId: 'n2', recordKey: null, status: 'ok', at: 'now', payload: { email: 'x' } },
        }),
      ],
    };
    const masked = maskTrace(trace, fields);
    expect(masked.input).toEqual({ email: '***', id: 1 });
    expect(masked.steps[0]?.input).toEqual({ email: '***' });
    expect(masked.steps[0]?.output).toEqual({ email: '***', id: 1 });
    expect(masked.steps[1]?.output).toBe('not a record');
    expect(masked.steps[1]?.ledger?.payload).toEqual({ email: '***' });
    expect(trace.steps[0]?.input).toEqual({ email: 'a@b.c' });
  });

  it('leaves a trace alone when no field is pii', () => {
    const trace = { steps: [step({ input: { email: 'a' } })] };
    expect(maskTrace(trace, new Set())).toBe(trace);
  });
});
