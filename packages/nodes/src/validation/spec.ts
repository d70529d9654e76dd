import { Type, type Static } from '@sinclair/typebox';
import type { KindSpec } from '../kind-definition.js';

export const ValidationRule = Type.Object(
  {
    /** Stable id (generated); `name` is what people read and what checks report. */
    id: Type.String({ minLength: 1 }),
    name: Type.String(),
    /** The field the rule is about, so failures can be shown on it and routed to its owner. */
    field: Type.Optional(Type.String({ minLength: 1 })),
    /** JSONata over the record; the rule passes when it yields `true`. */
    expression: Type.String(),
    message: Type.String({ minLength: 1 }),
    owner: Type.Optional(Type.String({ minLength: 1 })),
    onFail: Type.Union([Type.Literal('reject'), Type.Literal('flag')]),
  },
  { additionalProperties: false },
);
export type ValidationRule = Static<typeof ValidationRule>;

export const ValidationConfig = Type.Object(
  { rules: Type.Array(ValidationRule, { default: [] }) },
  { additionalProperties: false },
);
export type ValidationConfig = Static<typeof ValidationConfig>;

export const validationSpec: KindSpec<typeof ValidationConfig> = {
  kind: 'validation',
  version: 1,
  title: 'Validation',
  description: 'Business rules beyond the contract, each with an owner, a message and reject or flag.',
  palette: { group: 'Check', order: 3, glyph: 'shield-check' },
  inputs: [{ id: 'in', label: 'Record' }],
  outputs: [
    { id: 'pass', label: 'Passed (incl. flagged)' },
    { id: 'reject', label: 'Rejected', mayStayOpen: true },
  ],
  configSchema: ValidationConfig,
  defaultConfig: () => ({ rules: [] }),
  migrations: [],
};
