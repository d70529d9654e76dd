import { useEffect, useEffectEvent, useState } from 'react';
import { runsApi } from '../api/runs-api';

export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * Calls `onRun` when the server reports a new run or a status change (server-sent events),
 * batched to at most one call per `debounceMs`, and tells whether the stream is up. EventSource
 * reconnects by itself; `offline` shows while it does.
 */
export function useRunEvents(flowId: string | undefined, onRun: () => void, debounceMs = 400): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const notify = useEffectEvent(onRun);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(runsApi.eventsUrl(flowId), { withCredentials: true });
    let timer: number | undefined;
    source.onopen = () => setState('live');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    source.addEventListener('run', () => {
      if (timer !== undefined) return;
      timer = window.setTimeout(() => {
        timer = undefined;
        notify();
      }, debounceMs);
    });
    return () => {
      window.clearTimeout(timer);
      source.close();
    };
  }, [flowId, debounceMs]);

  return state;
}
