import { Type, type Static } from '@sinclair/typebox';
import { Timestamp, NullableString } from './common-schemas.js';
import { ChangeNote, RequiredSignOff, VersionReviewFields, VersionState } from './flow-schemas.js';

export const ApproveBody = Type.Union([
  Type.Object(
    {
      /** The content hash the reviewer looked at: approving binds to it (409 when it differs). */
      contentHash: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      note: Type.Optional(Type.String({ maxLength: 2000 })),
    },
    { additionalProperties: false },
  ),
  Type.Null(),
]);
export type ApproveBody = Static<typeof ApproveBody>;

export const RejectBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type RejectBody = Static<typeof RejectBody>;

export const RollbackBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type RollbackBody = Static<typeof RollbackBody>;

export const ReviewResponse = Type.Object(
  {
    flowId: Type.String(),
    version: Type.Integer(),
    state: VersionState,
    contentHash: Type.String(),
    pendingSignOffs: Type.Array(RequiredSignOff),
    ...VersionReviewFields,
  },
  { additionalProperties: false },
);

export const RollbackResponse = Type.Object(
  {
    version: Type.Integer(),
    state: Type.Literal('published'),
    publishedAt: Timestamp,
    supersededVersion: Type.Union([Type.Integer(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const ApprovalItem = Type.Object(
  {
    flowId: Type.String(),
    flowName: Type.String(),
    version: Type.Integer(),
    state: VersionState,
    contentHash: Type.String(),
    createdAt: Timestamp,
    changeNote: ChangeNote,
    pendingSignOffs: Type.Array(RequiredSignOff),
    /** Whether this caller could approve it now, and if not, why. */
    canApprove: Type.Boolean(),
    cannotApproveReason: NullableString,
    /** For owners: the fields of theirs this version waits on them for. */
    awaitingMySignOff: Type.Array(Type.String()),
    ...VersionReviewFields,
  },
  { additionalProperties: false },
);

export const ApprovalList = Type.Object({ items: Type.Array(ApprovalItem) }, { additionalProperties: false });

export const DiffParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  a: Type.Integer({ minimum: 1 }),
  b: Type.Integer({ minimum: 1 }),
});
export type DiffParams = Static<typeof DiffParams>;

const ChangeStatus = Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]);

export const DiffResponse = Type.Object(
  {
    flowId: Type.String(),
    from: Type.Object({ version: Type.Integer(), contentHash: Type.String(), state: VersionState }),
    to: Type.Object({ version: Type.Integer(), contentHash: Type.String(), state: VersionState }),
    breaking: Type.Boolean(),
    summary: Type.Object({
      nodesAdded: Type.Integer(),
      nodesRemoved: Type.Integer(),
      nodesChanged: Type.Integer(),
      edgesAdded: Type.Integer(),
      edgesRemoved: Type.Integer(),
      edgesChanged: Type.Integer(),
      breakingChanges: Type.Integer(),
    }),
    nodes: Type.Array(
      Type.Object({
        id: Type.String(),
        kind: Type.String(),
        label: Type.String(),
        status: ChangeStatus,
        changes: Type.Array(
          Type.Object({ path: Type.String(), before: Type.Unknown(), after: Type.Unknown() }),
        ),
      }),
    ),
    edges: Type.Array(
      Type.Object({
        id: Type.String(),
        status: ChangeStatus,
        rewired: Type.Boolean(),
        contract: Type.Object({
          breaking: Type.Boolean(),
          changes: Type.Array(
            Type.Object({
              field: NullableString,
              change: Type.String(),
              breaking: Type.Boolean(),
              detail: Type.Optional(Type.String()),
            }),
          ),
        }),
        raci: Type.Array(
          Type.Object({
            row: Type.String(),
            role: Type.String(),
            before: Type.Array(Type.String()),
            after: Type.Array(Type.String()),
          }),
        ),
      }),
    ),
  },
  { additionalProperties: false },
);
