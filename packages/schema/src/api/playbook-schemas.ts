import { Type, type Static } from '@sinclair/typebox';
import { BACKLOG_STATUSES, RISK_STATUSES } from '../enums.js';
import { NullableTimestamp, Timestamp, NullableString } from './common-schemas.js';

const Score = Type.Integer({ minimum: 1, maximum: 5 });
const ShortText = (maxLength = 200) => Type.String({ minLength: 1, maxLength });
const LongText = Type.String({ maxLength: 4000 });
const Id = Type.String({ minLength: 1, maxLength: 100 });
const RiskStatus = Type.Union(RISK_STATUSES.map((s) => Type.Literal(s)));
const BacklogStatus = Type.Union(BACKLOG_STATUSES.map((s) => Type.Literal(s)));

// ── Scoping candidates ──────────────────────────────────────────────────────────────────────
export const CandidateParams = Type.Object({ candidateId: Id });
export type CandidateParams = Static<typeof CandidateParams>;

export const CandidateView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    systemFrom: Type.String(),
    systemTo: Type.String(),
    frequencyPerWeek: Type.Number(),
    impact: Type.Integer(),
    notes: Type.String(),
    rationale: Type.String(),
    flowId: NullableString,
    /** Upper-right quadrant of the scoping grid: frequent and high impact. */
    quadrant: Type.Union([
      Type.Literal('pilot'),
      Type.Literal('high-impact'),
      Type.Literal('frequent'),
      Type.Literal('low'),
    ]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type CandidateView = Static<typeof CandidateView>;
export const CandidateList = Type.Object(
  {
    items: Type.Array(CandidateView),
    /** Where the grid splits: frequency per week and impact at or above these are "high". */
    thresholds: Type.Object(
      { frequencyPerWeek: Type.Number(), impact: Type.Number() },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const candidateFields = {
  name: ShortText(),
  systemFrom: ShortText(),
  systemTo: ShortText(),
  frequencyPerWeek: Type.Number({ minimum: 0, maximum: 100000 }),
  impact: Score,
  notes: Type.Optional(LongText),
  rationale: Type.Optional(LongText),
};
export const NewCandidateBody = Type.Object(candidateFields, { additionalProperties: false });
export type NewCandidateBody = Static<typeof NewCandidateBody>;
export const CandidatePatchBody = Type.Partial(Type.Object(candidateFields), { additionalProperties: false });
export type CandidatePatchBody = Static<typeof CandidatePatchBody>;

export const CreateFlowFromCandidateBody = Type.Object(
  { name: Type.Optional(ShortText()), id: Type.Optional(Type.String({ minLength: 1, maxLength: 63 })) },
  { additionalProperties: false },
);
export type CreateFlowFromCandidateBody = Static<typeof CreateFlowFromCandidateBody>;
export const CreateFlowFromCandidateResponse = Type.Object(
  { flowId: Type.String(), candidate: CandidateView },
  { additionalProperties: false },
);

// ── Risk register ───────────────────────────────────────────────────────────────────────────
export const RiskParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }), riskId: Id });
export type RiskParams = Static<typeof RiskParams>;

export const RiskView = Type.Object(
  {
    id: Type.String(),
    flowId: Type.String(),
    risk: Type.String(),
    likelihood: Type.Integer(),
    impact: Type.Integer(),
    score: Type.Integer(),
    mitigation: Type.String(),
    ownerId: NullableString,
    status: RiskStatus,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type RiskView = Static<typeof RiskView>;
export const RiskList = Type.Object({ items: Type.Array(RiskView) }, { additionalProperties: false });

const riskFields = {
  risk: ShortText(1000),
  likelihood: Score,
  impact: Score,
  mitigation: Type.Optional(LongText),
  ownerId: Type.Optional(Type.Union([Id, Type.Null()])),
  status: Type.Optional(RiskStatus),
};
export const NewRiskBody = Type.Object(riskFields, { additionalProperties: false });
export type NewRiskBody = Static<typeof NewRiskBody>;
export const RiskPatchBody = Type.Partial(Type.Object(riskFields), { additionalProperties: false });
export type RiskPatchBody = Static<typeof RiskPatchBody>;

// ── Runbook ─────────────────────────────────────────────────────────────────────────────────
export const RunbookQuery = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    revision: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type RunbookQuery = Static<typeof RunbookQuery>;

const LookupRow = Type.Object(
  {
    category: Type.String(),
    label: Type.String(),
    ownerId: NullableString,
    ownerName: NullableString,
    contact: NullableString,
    escalation: Type.String(),
  },
  { additionalProperties: false },
);

export const RunbookView = Type.Object(
  {
    flowId: Type.String(),
    /** null: the flow has no runbook yet (or the version shipped before there was one). */
    revision: Type.Union([Type.Integer(), Type.Null()]),
    body: Type.String(),
    author: NullableString,
    savedAt: NullableTimestamp,
    /** The version asked for, when the runbook is shown as of a version. */
    version: Type.Union([Type.Integer(), Type.Null()]),
    latestRevision: Type.Union([Type.Integer(), Type.Null()]),
    ownerLookup: Type.Array(LookupRow),
  },
  { additionalProperties: false },
);
export const SaveRunbookBody = Type.Object(
  { body: Type.String({ maxLength: 200000 }) },
  { additionalProperties: false },
);
export type SaveRunbookBody = Static<typeof SaveRunbookBody>;
export const RunbookRevisionList = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          revision: Type.Integer(),
          author: NullableString,
          createdAt: Timestamp,
          /** Versions published with this revision. */
          versions: Type.Array(Type.Integer()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

// ── Weekly status ───────────────────────────────────────────────────────────────────────────
export const StatusReportQuery = Type.Object(
  { week: Type.Optional(Type.String({ maxLength: 40 })) },
  { additionalProperties: false },
);
export type StatusReportQuery = Static<typeof StatusReportQuery>;
export const StatusReportBody = Type.Object(
  { week: Type.Optional(Type.String({ maxLength: 40 })) },
  { additionalProperties: false },
);
export type StatusReportBody = Static<typeof StatusReportBody>;

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);
export const StatusReportView = Type.Object(
  {
    flowId: Type.String(),
    flowName: Type.String(),
    week: Type.Object({ from: Timestamp, to: Timestamp }, { additionalProperties: false }),
    markdown: Type.String(),
    wordCount: Type.Integer(),
    figures: Type.Object(
      {
        shipped: Type.Array(
          Type.Object(
            { version: Type.Integer(), publishedAt: Timestamp, reason: Type.String() },
            { additionalProperties: false },
          ),
        ),
        openFollowUps: Type.Integer(),
        deadLetters: Type.Integer(),
        pendingApprovals: Type.Integer(),
        openRisks: Type.Integer(),
        metrics: Type.Union([
          Type.Object(
            {
              count: Type.Integer(),
              ttvP50Ms: Nullable(Type.Number()),
              reworkRate: Nullable(Type.Number()),
              slaAdherence: Nullable(Type.Number()),
              baseline: Type.Union([
                Type.Object(
                  {
                    ttvP50Ms: Nullable(Type.Number()),
                    reworkRate: Nullable(Type.Number()),
                    slaAdherence: Nullable(Type.Number()),
                  },
                  { additionalProperties: false },
                ),
                Type.Null(),
              ]),
              targets: Type.Object(
                { ttv: Type.String(), rework: Type.String(), sla: Type.String() },
                { additionalProperties: false },
              ),
            },
            { additionalProperties: false },
          ),
          Type.Null(),
        ]),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

// ── Retrospectives and backlog ──────────────────────────────────────────────────────────────
export const BacklogItemView = Type.Object(
  {
    id: Type.String(),
    retrospectiveId: Type.String(),
    flowId: Type.String(),
    title: Type.String(),
    frequency: Type.Integer(),
    impact: Type.Integer(),
    score: Type.Integer(),
    status: BacklogStatus,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { additionalProperties: false },
);
export type BacklogItemView = Static<typeof BacklogItemView>;
export const BacklogList = Type.Object(
  { items: Type.Array(BacklogItemView) },
  { additionalProperties: false },
);
export const BacklogQuery = Type.Object(
  { flowId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);
export type BacklogQuery = Static<typeof BacklogQuery>;
export const BacklogParams = Type.Object({ itemId: Id });
export type BacklogParams = Static<typeof BacklogParams>;
export const BacklogPatchBody = Type.Object({ status: BacklogStatus }, { additionalProperties: false });
export type BacklogPatchBody = Static<typeof BacklogPatchBody>;

export const RetrospectiveView = Type.Object(
  {
    id: Type.String(),
    flowId: Type.String(),
    wentWell: Type.String(),
    wentBadly: Type.String(),
    author: NullableString,
    createdAt: Timestamp,
    items: Type.Array(BacklogItemView),
  },
  { additionalProperties: false },
);
export const RetrospectiveList = Type.Object(
  { items: Type.Array(RetrospectiveView) },
  { additionalProperties: false },
);
export const NewRetrospectiveBody = Type.Object(
  {
    wentWell: Type.Optional(LongText),
    wentBadly: Type.Optional(LongText),
    items: Type.Array(
      Type.Object(
        { title: ShortText(500), frequency: Score, impact: Score },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
export type NewRetrospectiveBody = Static<typeof NewRetrospectiveBody>;
