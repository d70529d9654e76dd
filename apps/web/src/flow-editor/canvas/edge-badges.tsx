import { useEffect, useSyncExternalStore } from 'react';
import type { SourceEdge } from '@baton/schema';
import { contractsApi } from '../../owners/owners-api';

/** Recent rejections per edge, per flow: one request per open flow, shared by every edge label. */
const counts = new Map<string, ReadonlyMap<string, number>>();
const inFlight = new Set<string>();
const listeners = new Set<() => void>();
const EMPTY: ReadonlyMap<string, number> = new Map();

function load(flowId: string): void {
  if (inFlight.has(flowId)) return;
  inFlight.add(flowId);
  contractsApi
    .edgeStats(flowId)
    .then(
      (res) => counts.set(flowId, new Map(res.items.map((i) => [i.edgeId, i.rejections]))),
      // A badge is a hint: without stats the label simply shows no rejection count.
      () => counts.set(flowId, EMPTY),
    )
    .finally(() => {
      inFlight.delete(flowId);
      for (const l of listeners) l();
    });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useEdgeRejections(flowId: string, edgeId: string): number {
  const map = useSyncExternalStore(subscribe, () => counts.get(flowId) ?? EMPTY);
  useEffect(() => {
    if (!counts.has(flowId)) load(flowId);
  }, [flowId]);
  return map.get(edgeId) ?? 0;
}

/** What the canvas says about an edge at a glance (issue 3): fields, owned share, RACI complete. */
export function edgeSummary(edge: SourceEdge) {
  const fields = edge.contract?.fields ?? [];
  const owned = fields.filter((f) => f.owner).length;
  const rows = edge.raci?.rows ?? [];
  return {
    fields: fields.length,
    ownedPercent: fields.length === 0 ? null : Math.round((owned / fields.length) * 100),
    raciComplete:
      rows.length > 0 && rows.every((r) => r.accountable.length === 1 && r.responsible.length > 0),
    hasRaci: edge.raci !== null,
  };
}

export function EdgeBadges({ edge, flowId }: { edge: SourceEdge; flowId: string }) {
  const rejections = useEdgeRejections(flowId, edge.id);
  const s = edgeSummary(edge);
  return (
    <>
      {s.ownedPercent !== null ? (
        <span
          className="baton-edge-badge"
          title={`${s.ownedPercent}% of the fields have an owner`}
          data-badge="owned"
        >
          {s.ownedPercent}% owned
        </span>
      ) : null}
      {s.hasRaci ? (
        <span
          className={`baton-edge-badge ${s.raciComplete ? 'is-ok' : 'is-warn'}`}
          title={s.raciComplete ? 'RACI complete' : 'RACI incomplete: every row needs an R and exactly one A'}
          data-badge="raci"
        >
          RACI {s.raciComplete ? '✓' : '!'}
        </span>
      ) : null}
      {rejections > 0 ? (
        <span
          className="baton-edge-badge is-danger"
          title={`${rejections} rejected in the last 7 days`}
          data-badge="rejections"
        >
          {rejections} ✕
        </span>
      ) : null}
    </>
  );
}
