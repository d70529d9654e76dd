import { describe, expect, it } from 'vitest';
import type { SourceNode } from '@baton/schema';
import { nodeSummary } from './node-summary';

const n = (kind: SourceNode['kind'], config: Record<string, unknown>): SourceNode => ({
  id: 'n_1',
  kind,
  kindVersion: 1,
  label: 'x',
  config,
});

describe('nodeSummary', () => {
  it('says what each kind does', () => {
    expect(nodeSummary(n('trigger', { mode: 'webhook' }))).toBe('webhook');
    expect(nodeSummary(n('mapping', { fields: [{}, {}], computed: [{}] }))).toBe('2 fields · 1 computed');
    expect(nodeSummary(n('mapping', { fields: [], computed: [] }))).toBe('no fields mapped');
    expect(nodeSummary(n('validation', { rules: [{}] }))).toBe('1 rule');
    expect(nodeSummary(n('write', { table: 'fulfillment_queue' }))).toBe('→ fulfillment_queue');
    expect(nodeSummary(n('write', { table: '' }))).toBe('no table');
    expect(nodeSummary(n('log', { mask: ['email'] }))).toBe('masks email');
  });
});
