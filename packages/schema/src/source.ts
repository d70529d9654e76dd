import { Type, type Static } from '@sinclair/typebox';
import { Contract, Raci } from './contract.js';

export const NODE_KINDS = ['trigger', 'mapping', 'validation', 'write', 'log'] as const;
export const NodeKind = Type.Union(NODE_KINDS.map((k) => Type.Literal(k)));
export type NodeKind = Static<typeof NodeKind>;

/**
 * A node of the source graph. `id` is opaque and generated: never derived from the label, so a
 * rename never breaks an edge. `config` is validated by the compiler against the kind's schema.
 */
export const SourceNode = Type.Object(
  {
    id: Type.String({ minLength: 1, pattern: '^[A-Za-z0-9_-]+$' }),
    kind: NodeKind,
    kindVersion: Type.Integer({ minimum: 1 }),
    label: Type.String(),
    config: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
export type SourceNode = Static<typeof SourceNode>;

export const PortRef = Type.Object(
  { node: Type.String({ minLength: 1 }), port: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
export type PortRef = Static<typeof PortRef>;

/** An edge is a record of its own, carrying the hand-off's data contract and RACI table. */
export const SourceEdge = Type.Object(
  {
    id: Type.String({ minLength: 1, pattern: '^[A-Za-z0-9_-]+$' }),
    source: PortRef,
    target: PortRef,
    contract: Type.Union([Contract, Type.Null()]),
    raci: Type.Union([Raci, Type.Null()]),
  },
  { additionalProperties: false },
);
export type SourceEdge = Static<typeof SourceEdge>;

export const Position = Type.Object({ x: Type.Number(), y: Type.Number() }, { additionalProperties: false });
export type Position = Static<typeof Position>;

/** Canvas layout: positions and viewport. Ignored by the compiler and engine and the content hash. */
export const Layout = Type.Object(
  {
    nodes: Type.Record(Type.String(), Position),
    viewport: Type.Optional(
      Type.Object(
        { x: Type.Number(), y: Type.Number(), zoom: Type.Number() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type Layout = Static<typeof Layout>;

export const FlowMeta = Type.Object(
  {
    description: Type.Optional(Type.String()),
    /** SLA target from entry to committed write, in minutes. */
    slaMinutes: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type FlowMeta = Static<typeof FlowMeta>;

export const FlowSource = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    nodes: Type.Array(SourceNode),
    edges: Type.Array(SourceEdge),
    layout: Layout,
    meta: FlowMeta,
  },
  {
    $id: 'https://baton.dev/schema/flow-source.json',
    title: 'Baton flow source graph',
    additionalProperties: false,
  },
);
export type FlowSource = Static<typeof FlowSource>;

export function emptySource(): FlowSource {
  return { schemaVersion: 1, nodes: [], edges: [], layout: { nodes: {} }, meta: {} };
}
