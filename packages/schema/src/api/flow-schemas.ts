import { Type, type Static } from '@sinclair/typebox';
import { Diagnostic, FlowSource, Plan, Trace } from '../index.js';
import { VERSION_STATES } from '../enums.js';
import { FLOW_ID_PATTERN, NullableTimestamp, Timestamp, NullableString } from './common-schemas.js';
import { WhatIfReport } from './replay-schemas.js';

/** What a flow's list entry and its detail share. */
const flowSummaryProperties = {
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
  latestVersion: Type.Union([Type.Integer(), Type.Null()]),
  runCount: Type.Integer(),
};

export const FlowSummary = Type.Object(flowSummaryProperties, {
  $id: 'FlowSummary',
  additionalProperties: false,
});

export const FlowList = Type.Object({ items: Type.Array(FlowSummary) }, { additionalProperties: false });

export const CreateFlowBody = Type.Object(
  {
    id: Type.Optional(Type.String({ pattern: FLOW_ID_PATTERN })),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    /** Start from `examples/templates/<templateId>/` instead of an empty draft (GET /api/templates). */
    templateId: Type.Optional(Type.String({ minLength: 1, maxLength: 63 })),
  },
  { additionalProperties: false },
);
export type CreateFlowBody = Static<typeof CreateFlowBody>;

export const VersionState = Type.Union(VERSION_STATES.map((s) => Type.Literal(s)));

export const ChangeNote = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    acceptanceCheck: Type.String({ minLength: 1, maxLength: 2000 }),
    risk: Type.String({ minLength: 1, maxLength: 2000 }),
    /** A bulk what-if report of the draft against recent runs, attached for the approver (issue 8). */
    whatIf: Type.Optional(WhatIfReport),
  },
  { $id: 'ChangeNote', additionalProperties: false },
);

export const RequiredSignOff = Type.Object(
  { ownerId: Type.String(), fields: Type.Array(Type.String()) },
  { additionalProperties: false },
);

export const SignOff = Type.Object(
  { ownerId: Type.String(), by: Type.String(), at: Timestamp, contentHash: Type.String() },
  { additionalProperties: false },
);

/** Who moved a version through the gate (usernames); see routes/approvals.ts. */
export const VersionReviewFields = {
  author: NullableString,
  requiredSignOffs: Type.Array(RequiredSignOff),
  signOffs: Type.Array(SignOff),
  approvedBy: NullableString,
  approvedAt: NullableTimestamp,
  approvedHash: NullableString,
  rejectedBy: NullableString,
  rejectedAt: NullableTimestamp,
  reviewNote: NullableString,
  publishedBy: NullableString,
};

/** What a version's list entry and its detail share. */
const versionSummaryProperties = {
  version: Type.Integer(),
  state: VersionState,
  contentHash: Type.String(),
  createdAt: Timestamp,
  publishedAt: NullableTimestamp,
  changeNote: ChangeNote,
  ...VersionReviewFields,
};

export const VersionSummary = Type.Object(versionSummaryProperties, {
  $id: 'VersionSummary',
  additionalProperties: false,
});

export const VersionList = Type.Object(
  { items: Type.Array(VersionSummary) },
  { additionalProperties: false },
);

export const FlowDetail = Type.Object(
  {
    ...flowSummaryProperties,
    versions: Type.Array(VersionSummary),
  },
  { additionalProperties: false },
);

export const VersionDetail = Type.Object(
  {
    flowId: Type.String(),
    ...versionSummaryProperties,
    source: FlowSource,
    definition: Plan,
  },
  { additionalProperties: false },
);

export const SubmitVersionBody = Type.Object({ changeNote: ChangeNote }, { additionalProperties: false });
export type SubmitVersionBody = Static<typeof SubmitVersionBody>;

export const SubmitVersionResponse = Type.Object(
  { version: Type.Integer(), state: Type.Literal('in_review'), contentHash: Type.String() },
  { additionalProperties: false },
);

export const PublishResponse = Type.Object(
  {
    version: Type.Integer(),
    state: Type.Literal('published'),
    publishedAt: Timestamp,
    supersededVersion: Type.Union([Type.Integer(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const DraftSaved = Type.Object(
  { savedAt: Timestamp, diagnostics: Type.Array(Diagnostic) },
  { additionalProperties: false },
);

export const CompileResponse = Type.Object(
  { definition: Type.Union([Plan, Type.Null()]), diagnostics: Type.Array(Diagnostic) },
  { additionalProperties: false },
);

export const TestRunBody = Type.Object({ record: Type.Unknown() }, { additionalProperties: false });
export type TestRunBody = Static<typeof TestRunBody>;

/** A trace plus the draft's diagnostics (warnings; errors stop a test run with 422). */
export const TestRunResponse = Type.Object(
  { ...Trace.properties, diagnostics: Type.Array(Diagnostic) },
  { additionalProperties: false },
);
