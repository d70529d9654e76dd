import { describe, expect, it } from 'vitest';
import { RUN_STATUSES } from '@baton/schema';
import { RUN_STATUS_OPTIONS } from './run-statuses';

describe('RUN_STATUS_OPTIONS', () => {
  it('matches the schema', () => {
    expect([...RUN_STATUS_OPTIONS]).toEqual([...RUN_STATUSES]);
  });
});
