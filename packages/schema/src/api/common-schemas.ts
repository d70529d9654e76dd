import { Type, type Static } from '@sinclair/typebox';

export const FLOW_ID_PATTERN = '^[a-z0-9][a-z0-9-]{1,62}$';

/** Path parameter `:id` of a flow. Lenient on purpose: an unknown id is a 404, not a 400. */
export const FlowIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
export type FlowIdParams = Static<typeof FlowIdParams>;

export const VersionParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  n: Type.Integer({ minimum: 1 }),
});
export type VersionParams = Static<typeof VersionParams>;

export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const NullableString = Type.Union([Type.String(), Type.Null()]);

/**
 * RFC 9457 problem document. Extensions (`runId`, `checks`, `diagnostics`, `errors`…) are
 * allowed; the error handler serialises problems itself, so this schema documents, never strips.
 */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
  },
  { $id: 'Problem', additionalProperties: true },
);

/** The problem answers a route can give, for its OpenAPI entry (as `application/problem+json`). */
export function problems(...statuses: number[]) {
  const response = {
    description: 'Problem (RFC 9457) with a stable `code`',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  };
  return Object.fromEntries(statuses.map((s) => [s, response])) as Record<number, typeof response>;
}

/** The body of a 204 answer: none. */
export const NoContent = Type.Null();
