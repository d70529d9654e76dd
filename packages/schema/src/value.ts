import { Type, type Static } from '@sinclair/typebox';

/**
 * A dynamic value: either a literal or a JSONata expression. A discriminated union rather than
 * a magic string prefix, so a literal that happens to start with "=" stays a literal.
 */
export const LiteralValue = Type.Object(
  { kind: Type.Literal('literal'), value: Type.Unknown() },
  { $id: 'LiteralValue', additionalProperties: false },
);
export const ExpressionValue = Type.Object(
  { kind: Type.Literal('expression'), source: Type.String() },
  { $id: 'ExpressionValue', additionalProperties: false },
);
export const DynamicValue = Type.Union([LiteralValue, ExpressionValue]);
export type DynamicValue = Static<typeof DynamicValue>;
