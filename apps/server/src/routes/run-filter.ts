import type { RunFilter } from '@baton/store';
import type { RunFilterQuery } from '@baton/schema/api';

/** Timestamps are stored as `toISOString()`; bounds are normalised the same way so they compare as text. */
const iso = (value: string) => new Date(value).toISOString();

/** The query string's filters as the store takes them (`q` is the store's `search`). */
export function toRunFilter(query: RunFilterQuery): RunFilter {
  const { flowId, version, status, from, to, q } = query;
  return {
    ...(flowId !== undefined && { flowId }),
    ...(version !== undefined && { version }),
    ...(status !== undefined && { status }),
    ...(from !== undefined && { from: iso(from) }),
    ...(to !== undefined && { to: iso(to) }),
    ...(q !== undefined && { search: q.trim() }),
  };
}
