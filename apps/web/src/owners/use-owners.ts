import { useEffect, useSyncExternalStore } from 'react';
import { ownersApi, type Owner } from './owners-api';

/**
 * The owners directory, loaded once and shared by every picker on the page (an edge panel
 * shows dozens). `refreshOwners` reloads it after the directory changes.
 */
let owners: Owner[] | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function refreshOwners(): Promise<void> {
  loading = ownersApi
    .list()
    .then((page) => {
      owners = page.items;
    })
    .catch(() => {
      // Pickers still work as free text without the directory.
      owners ??= [];
    })
    .finally(() => {
      loading = null;
      for (const l of listeners) l();
    });
  return loading;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOwners(): Owner[] | null {
  const value = useSyncExternalStore(subscribe, () => owners);
  useEffect(() => {
    if (owners === null && !loading) void refreshOwners();
  }, []);
  return value;
}
