import type { RunStatus } from '@baton/schema';

/**
 * The run statuses, for filters on pages in the main chunk. A type-only copy of @baton/schema's
 * RUN_STATUSES: importing the value would pull TypeBox into the first load. A test keeps the two equal.
 */
export const RUN_STATUS_OPTIONS = [
  'queued',
  'running',
  'succeeded',
  'flagged',
  'rejected',
  'failed',
  'duplicate',
] as const satisfies readonly RunStatus[];
