import { describe, expect, it } from 'vitest';
import { emptyRaci, type SourceEdge } from '@baton/schema';
import { edgeSummary } from './edge-badges';

const edge = (over: Partial<SourceEdge>): SourceEdge => ({
  id: 'e1',
  source: { node: 'a', port: 'out' },
  target: { node: 'b', port: 'in' },
  contract: null,
  raci: null,
  ...over,
});

describe('edgeSummary', () => {
  it('counts fields and the share with an owner', () => {
    const s = edgeSummary(
      edge({
        contract: {
          extraFields: 'drop',
          fields: [
            { name: 'a', type: 'string', required: true, owner: 'crm-admin' },
            { name: 'b', type: 'string', required: false },
            { name: 'c', type: 'string', required: false, owner: 'ops-lead' },
          ],
        },
      }),
    );
    expect(s).toMatchObject({ fields: 3, ownedPercent: 67, hasRaci: false, raciComplete: false });
  });

  it('calls a RACI complete only when every row has an R and exactly one A', () => {
    const raci = emptyRaci();
    expect(edgeSummary(edge({ raci })).raciComplete).toBe(false);
    const full = { rows: raci.rows.map((r) => ({ ...r, responsible: ['x'], accountable: ['y'] })) };
    expect(edgeSummary(edge({ raci: full })).raciComplete).toBe(true);
    const twoA = { rows: full.rows.map((r, i) => (i === 0 ? { ...r, accountable: ['y', 'z'] } : r)) };
    expect(edgeSummary(edge({ raci: twoA })).raciComplete).toBe(false);
  });
});
