import { Type } from '@sinclair/typebox';

/** A flow's webhook secret and how the sending system signs with it (admins only). */
export const WebhookSecret = Type.Object(
  {
    flowId: Type.String(),
    secret: Type.String(),
    header: Type.String(),
    scheme: Type.String(),
    toleranceSeconds: Type.Integer(),
  },
  { additionalProperties: false },
);
