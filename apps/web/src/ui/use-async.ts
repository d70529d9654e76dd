import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data: T | undefined; error: undefined }
  | { status: 'success'; data: T; error: undefined }
  | { status: 'error'; data: T | undefined; error: unknown };

interface Settled<T> {
  key: string;
  status: 'success' | 'error';
  data: T | undefined;
  error: unknown;
}

/**
 * Loads data for a view and keeps the last good value while reloading, so periodic refreshes do
 * not flash a skeleton. `deps` must be primitives (ids, filters). "Loading" is derived (the last
 * settled answer belongs to other deps), so no state is set synchronously in the effect; stale
 * answers are dropped via abort.
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly (string | number | boolean | null | undefined)[],
) {
  const [nonce, setNonce] = useState(0);
  const key = `${JSON.stringify(deps)}#${nonce}`;
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const run = useEffectEvent((signal: AbortSignal) => load(signal));

  useEffect(() => {
    const controller = new AbortController();
    run(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, status: 'success', data, error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setSettled((s) => ({ key, status: 'error', data: s?.data, error }));
      },
    );
    return () => controller.abort();
  }, [key]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  let state: AsyncState<T>;
  if (!settled || settled.key !== key) state = { status: 'loading', data: settled?.data, error: undefined };
  else if (settled.status === 'error') state = { status: 'error', data: settled.data, error: settled.error };
  else state = { status: 'success', data: settled.data as T, error: undefined };
  return { ...state, reload };
}
