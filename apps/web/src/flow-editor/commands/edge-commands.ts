import {
  emptyContract,
  type Contract,
  type FlowSource,
  type PortRef,
  type Raci,
  type SourceEdge,
} from '@baton/schema';
import { defineCommand } from './command';

export interface ConnectArgs {
  id: string;
  source: PortRef;
  target: PortRef;
}

/**
 * Adds an edge between two ports with an empty contract (extra fields dropped: only what is
 * agreed crosses) and no RACI yet. Connecting the same two ports twice is a no-op, and so is a
 * self-loop; port validity against the kinds is checked by `canConnect` before this runs.
 */
export const connect = defineCommand<ConnectArgs>('connect', (source, args) => {
  if (args.source.node === args.target.node) return source;
  const exists = source.edges.some(
    (e) => e.id === args.id || (samePort(e.source, args.source) && samePort(e.target, args.target)),
  );
  if (exists) return source;
  const edge: SourceEdge = {
    id: args.id,
    source: { ...args.source },
    target: { ...args.target },
    contract: emptyContract(),
    raci: null,
  };
  return { ...source, edges: [...source.edges, edge] };
});

export interface RemoveEdgesArgs {
  ids: readonly string[];
}

export const removeEdges = defineCommand<RemoveEdgesArgs>('removeEdges', (source, { ids }) => {
  const gone = new Set(ids);
  const edges = source.edges.filter((e) => !gone.has(e.id));
  return edges.length === source.edges.length ? source : { ...source, edges };
});

export interface UpdateEdgeContractArgs {
  id: string;
  contract: Contract | null;
}

export const updateEdgeContract = defineCommand<UpdateEdgeContractArgs>(
  'updateEdgeContract',
  (source, { id, contract }) =>
    mapEdge(source, id, (edge) => (edge.contract === contract ? edge : { ...edge, contract })),
);

export interface UpdateEdgeRaciArgs {
  id: string;
  raci: Raci | null;
}

export const updateEdgeRaci = defineCommand<UpdateEdgeRaciArgs>('updateEdgeRaci', (source, { id, raci }) =>
  mapEdge(source, id, (edge) => (edge.raci === raci ? edge : { ...edge, raci })),
);

function mapEdge(source: FlowSource, id: string, update: (edge: SourceEdge) => SourceEdge): FlowSource {
  let changed = false;
  const edges = source.edges.map((edge) => {
    if (edge.id !== id) return edge;
    const next = update(edge);
    changed ||= next !== edge;
    return next;
  });
  return changed ? { ...source, edges } : source;
}

function samePort(a: PortRef, b: PortRef): boolean {
  return a.node === b.node && a.port === b.port;
}
