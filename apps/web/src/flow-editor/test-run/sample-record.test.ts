import { describe, expect, it } from 'vitest';
import { emptySource, emptyContract, type FlowSource } from '@baton/schema';
import { ORDER_SAMPLE, sampleRecordFor } from './sample-record';

describe('sampleRecordFor', () => {
  it('uses the product sample for the seeded example', () => {
    expect(sampleRecordFor('order-to-fulfillment', emptySource())).toEqual(ORDER_SAMPLE);
  });

  it('prefers the trigger edge contract, then the mapping source paths', () => {
    const source: FlowSource = {
      ...emptySource(),
      nodes: [
        { id: 'n_t', kind: 'trigger', kindVersion: 1, label: 'T', config: { mode: 'webhook' } },
        {
          id: 'n_m',
          kind: 'mapping',
          kindVersion: 1,
          label: 'M',
          config: { fields: [{ to: 'a', from: 'src_a', transforms: [] }], computed: [] },
        },
      ],
      edges: [
        {
          id: 'e_1',
          source: { node: 'n_t', port: 'out' },
          target: { node: 'n_m', port: 'in' },
          contract: emptyContract(),
          raci: null,
        },
      ],
    };
    expect(sampleRecordFor('x', source)).toEqual({ src_a: '' });
    const withContract: FlowSource = {
      ...source,
      edges: [
        {
          ...source.edges[0]!,
          contract: { fields: [{ name: 'ticket', type: 'string', required: true }], extraFields: 'drop' },
        },
      ],
    };
    expect(sampleRecordFor('x', withContract)).toEqual({ ticket: '' });
  });
});
