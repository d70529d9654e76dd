import { Type, type Static } from '@sinclair/typebox';
import { NullableString } from './common-schemas.js';
import { RunStatus, StepStatus, Trace, NodeKind } from '../index.js';
import { runFilterProperties } from './run-schemas.js';

/** A version number, or `"draft"` for the flow's current draft. */
export const ReplayAgainst = Type.Union([Type.Integer({ minimum: 1 }), Type.Literal('draft')]);

export const ReplayBody = Type.Object({ version: ReplayAgainst }, { additionalProperties: false });
export type ReplayBody = Static<typeof ReplayBody>;

const FieldChange = Type.Object(
  {
    path: Type.String(),
    change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
    before: Type.Optional(Type.Unknown()),
    after: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);

const StepSide = Type.Union([
  Type.Object(
    { seq: Type.Integer(), status: StepStatus, port: NullableString },
    { additionalProperties: false },
  ),
  Type.Null(),
]);

const CheckRef = Type.Object(
  {
    rule: Type.String(),
    field: NullableString,
    result: Type.String(),
    message: NullableString,
  },
  { additionalProperties: false },
);

export const TraceDiff = Type.Object(
  {
    outcome: Type.Object({ before: Type.String(), after: Type.String(), changed: Type.Boolean() }),
    recordKey: Type.Object({
      before: NullableString,
      after: NullableString,
    }),
    steps: Type.Array(
      Type.Object(
        {
          nodeId: Type.String(),
          label: Type.String(),
          kind: NodeKind,
          before: StepSide,
          after: StepSide,
          fields: Type.Array(FieldChange),
          startedFailing: Type.Array(CheckRef),
          stoppedFailing: Type.Array(CheckRef),
          write: Type.Union([
            Type.Object({
              before: NullableString,
              after: NullableString,
            }),
            Type.Null(),
          ]),
          changed: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
    identical: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const ReplayResponse = Type.Object(
  {
    runId: Type.String(),
    against: ReplayAgainst,
    ownVersion: Type.Boolean(),
    original: Trace,
    replay: Trace,
    diff: TraceDiff,
  },
  { additionalProperties: false },
);

export const WhatIfBody = Type.Object(
  {
    version: Type.Optional(ReplayAgainst),
    /** The last N runs (newest first) matching the filters. */
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    filter: Type.Optional(
      Type.Object((({ flowId: _flowId, ...rest }) => rest)(runFilterProperties), {
        additionalProperties: false,
      }),
    ),
  },
  { additionalProperties: false },
);
export type WhatIfBody = Static<typeof WhatIfBody>;

const RuleCount = Type.Object({
  rule: Type.String(),
  field: NullableString,
  count: Type.Integer(),
});

export const WhatIfReport = Type.Object(
  {
    flowId: Type.String(),
    against: ReplayAgainst,
    generatedAt: Type.String(),
    selected: Type.Integer(),
    replayed: Type.Integer(),
    skipped: Type.Integer(),
    outcomeChanged: Type.Integer(),
    traceChanged: Type.Integer(),
    transitions: Type.Array(Type.Object({ from: RunStatus, to: RunStatus, count: Type.Integer() })),
    fieldsChangingMost: Type.Array(
      Type.Object({
        nodeId: Type.String(),
        label: Type.String(),
        field: Type.String(),
        count: Type.Integer(),
      }),
    ),
    rulesStartingToFail: Type.Array(RuleCount),
    rulesStoppingToFail: Type.Array(RuleCount),
    runs: Type.Array(
      Type.Object({
        runId: Type.String(),
        recordKey: NullableString,
        before: RunStatus,
        after: RunStatus,
        outcomeChanged: Type.Boolean(),
        changedFields: Type.Array(Type.String()),
        link: Type.String(),
      }),
    ),
  },
  { additionalProperties: false },
);
