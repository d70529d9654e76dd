import type { Step } from '@baton/schema';
import type { Store } from '@baton/store';
import { maskTrace, piiFieldsOf } from './mask-trace.js';

/** pii field names per `flowId@version`; versions are immutable, so this never goes stale. */
const cache = new WeakMap<Store, Map<string, Set<string>>>();

export async function piiFieldsOfVersion(
  store: Store,
  flowId: string,
  version: number,
): Promise<Set<string>> {
  let perStore = cache.get(store);
  if (!perStore) cache.set(store, (perStore = new Map<string, Set<string>>()));
  const key = `${flowId}@${version}`;
  let fields = perStore.get(key);
  if (!fields) {
    const record = await store.versions.get(flowId, version);
    fields = piiFieldsOf(record?.definition.edges ?? []);
    // An unknown version masks nothing; do not remember it, it may be created later.
    if (record) perStore.set(key, fields);
  }
  return fields;
}

/**
 * A run as the API shows it (`GET /api/runs/:id`, exports, replays): input and every step with
 * the fields its version's contracts classify `pii` masked. For run routes to call before answering.
 */
export async function maskRun<T extends { flowId: string; version: number; steps: Step[]; input?: unknown }>(
  store: Store,
  run: T,
): Promise<T> {
  return maskTrace(run, await piiFieldsOfVersion(store, run.flowId, run.version));
}
