import { Type, type Static } from '@sinclair/typebox';

/** One hand-off template from `examples/templates/<id>/`, described for the "new flow" dialog. */
export const TemplateSummary = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    fromSystem: Type.String(),
    toSystem: Type.String(),
    nodeCount: Type.Integer(),
    edgeCount: Type.Integer(),
    /** Owner ids named by the template's contracts, rules and RACI: whom to talk to when adapting it. */
    owners: Type.Array(Type.String()),
    /** Ready-to-use records for the test run (the template folder's `sample-records.jsonl`). */
    sampleRecords: Type.Array(Type.Unknown()),
  },
  { $id: 'TemplateSummary', additionalProperties: false },
);
export type TemplateSummary = Static<typeof TemplateSummary>;

export const TemplateList = Type.Object(
  { items: Type.Array(TemplateSummary) },
  { additionalProperties: false },
);
