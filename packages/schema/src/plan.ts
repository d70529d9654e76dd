import { Type, type Static } from '@sinclair/typebox';
import { Contract, Raci } from './contract.js';
import { NodeKind } from './source.js';

export const PlanEdge = Type.Object(
  {
    id: Type.String(),
    from: Type.Object({ node: Type.String(), port: Type.String() }, { additionalProperties: false }),
    to: Type.Object({ node: Type.String(), port: Type.String() }, { additionalProperties: false }),
    contract: Type.Union([Contract, Type.Null()]),
    raci: Type.Union([Raci, Type.Null()]),
  },
  { additionalProperties: false },
);
export type PlanEdge = Static<typeof PlanEdge>;

/** A node as the runtime sees it: normalised config, and its outgoing edge ids per port, in order. */
export const PlanNode = Type.Object(
  {
    id: Type.String(),
    kind: NodeKind,
    kindVersion: Type.Integer({ minimum: 1 }),
    label: Type.String(),
    config: Type.Record(Type.String(), Type.Unknown()),
    outputs: Type.Record(Type.String(), Type.Array(Type.String())),
  },
  { additionalProperties: false },
);
export type PlanNode = Static<typeof PlanNode>;

/**
 * The compiled plan the runtime executes: nodes in topological order starting at the trigger.
 * It holds no layout, so moving a node on the canvas never changes the plan or its hash.
 */
export const Plan = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    /** sha256 of the canonical JSON of everything in the plan but this field. */
    contentHash: Type.String(),
    entry: Type.String(),
    nodes: Type.Array(PlanNode),
    edges: Type.Array(PlanEdge),
    /** Fields whose values identify a record across runs (the write key); empty when no write. */
    recordKey: Type.Array(Type.String()),
    slaMinutes: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  {
    $id: 'https://baton.dev/schema/plan.json',
    title: 'Baton compiled plan',
    additionalProperties: false,
  },
);
export type Plan = Static<typeof Plan>;
