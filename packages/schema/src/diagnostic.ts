import { Type, type Static } from '@sinclair/typebox';

export const Severity = Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]);
export type Severity = Static<typeof Severity>;

/** A compile problem. Problems are data, never exceptions; `code` is stable for tests and docs. */
export const Diagnostic = Type.Object(
  {
    code: Type.String(),
    severity: Severity,
    message: Type.String(),
    nodeId: Type.Optional(Type.String()),
    edgeId: Type.Optional(Type.String()),
    /** JSON pointer inside the node config or edge, when the problem is about one setting. */
    path: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Diagnostic = Static<typeof Diagnostic>;
