import { Type, type Static } from '@sinclair/typebox';
import { NullableString } from './common-schemas.js';
import { Contract, Diagnostic } from '../index.js';

export const EdgeParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  edgeId: Type.String({ minLength: 1, maxLength: 200 }),
});
export type EdgeParams = Static<typeof EdgeParams>;

export const ContractChangeView = Type.Object(
  {
    field: NullableString,
    change: Type.String(),
    breaking: Type.Boolean(),
    detail: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ContractChangeReportView = Type.Object(
  { breaking: Type.Boolean(), changes: Type.Array(ContractChangeView) },
  { $id: 'ContractChangeReport', additionalProperties: false },
);

export const ClassifyBody = Type.Object(
  { before: Type.Union([Contract, Type.Null()]), after: Type.Union([Contract, Type.Null()]) },
  { additionalProperties: false },
);
export type ClassifyBody = Static<typeof ClassifyBody>;

export const ChangesQuery = Type.Object(
  { against: Type.Optional(Type.Union([Type.Literal('published'), Type.String({ pattern: '^[0-9]+$' })])) },
  { additionalProperties: false },
);
export type ChangesQuery = Static<typeof ChangesQuery>;

export const ChangesResponse = Type.Object(
  {
    against: Type.Union([Type.Integer(), Type.Null()]),
    report: ContractChangeReportView,
  },
  { additionalProperties: false },
);

export const InferBody = Type.Object(
  {
    sample: Type.Record(Type.String(), Type.Unknown()),
    extraFields: Type.Optional(Type.Union([Type.Literal('drop'), Type.Literal('reject')])),
  },
  { additionalProperties: false },
);
export type InferBody = Static<typeof InferBody>;

export const ContractResponse = Type.Object({ contract: Contract }, { additionalProperties: false });

export const ImportBody = Type.Object(
  {
    format: Type.Union([Type.Literal('json-schema'), Type.Literal('odcs')]),
    /** A JSON Schema object (or its text), or the ODCS YAML text. */
    document: Type.Unknown(),
    /** Save the imported contract into the draft's edge; otherwise only answer it (preview). */
    apply: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ImportBody = Static<typeof ImportBody>;

export const ImportResponse = Type.Object(
  {
    contract: Contract,
    applied: Type.Boolean(),
    report: ContractChangeReportView,
    diagnostics: Type.Array(Diagnostic),
  },
  { additionalProperties: false },
);

export const EdgeStats = Type.Object(
  {
    items: Type.Array(
      Type.Object({ edgeId: Type.String(), rejections: Type.Integer() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
