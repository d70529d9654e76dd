import { describe, expect, it } from 'vitest';
import { batchMediaType, newBatchId, rejectsUrl } from './batches-api';

describe('batch upload helpers', () => {
  it('sends a file as CSV or JSON Lines by its name, and refuses anything else', () => {
    expect(batchMediaType('orders.CSV')).toBe('text/csv');
    expect(batchMediaType('sample-records.jsonl')).toBe('application/x-ndjson');
    expect(batchMediaType('dump.ndjson')).toBe('application/x-ndjson');
    expect(batchMediaType('notes.txt')).toBeNull();
    expect(batchMediaType('orders.json')).toBeNull();
  });

  it('makes ids the server accepts for a client-chosen batch id', () => {
    const id = newBatchId();
    expect(id).toMatch(/^b_[A-Za-z0-9_-]{8,40}$/);
    expect(newBatchId()).not.toBe(id);
    expect(rejectsUrl(id, 'jsonl')).toBe(`/api/batches/${id}/rejects?format=jsonl`);
  });
});
