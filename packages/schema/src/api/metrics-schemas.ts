import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const NullableNumber = Nullable(Type.Number());
/** A date (`YYYY-MM-DD`, the whole day) or an ISO 8601 instant; checked by the handler. */
const PeriodBound = Type.String({ minLength: 10, maxLength: 40 });

export const MetricsQuery = Type.Object(
  {
    from: Type.Optional(PeriodBound),
    to: Type.Optional(PeriodBound),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    bucket: Type.Optional(Type.Literal('day')),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
  },
  { additionalProperties: false },
);
export type MetricsQuery = Static<typeof MetricsQuery>;

export const PortfolioQuery = Type.Object(
  { from: Type.Optional(PeriodBound), to: Type.Optional(PeriodBound) },
  { additionalProperties: false },
);
export type PortfolioQuery = Static<typeof PortfolioQuery>;

// `as const` so the static type is the four literals, not `string` (the web app's types derive from it).
const TargetState = Type.Union(
  (['met', 'on-track', 'not-met', 'no-baseline'] as const).map((s) => Type.Literal(s)),
);
const Figures = Type.Object(
  { ttvP50Ms: NullableNumber, reworkRate: NullableNumber, slaAdherence: NullableNumber },
  { additionalProperties: false },
);
const Targets = Type.Object(
  { ttv: TargetState, rework: TargetState, sla: TargetState },
  { additionalProperties: false },
);
const ByStatus = Type.Object(
  {
    succeeded: Type.Integer(),
    flagged: Type.Integer(),
    rejected: Type.Integer(),
    failed: Type.Integer(),
  },
  { additionalProperties: false },
);

export const MetricsSummary = Type.Object(
  {
    flowId: Type.String(),
    from: Type.String(),
    to: Type.String(),
    count: Type.Integer(),
    ttv: Type.Object(
      { p50Ms: NullableNumber, p90Ms: NullableNumber, meanMs: NullableNumber },
      { additionalProperties: false },
    ),
    reworkRate: NullableNumber,
    slaAdherence: NullableNumber,
    slaTargetMs: NullableNumber,
    baseline: Nullable(Figures),
    targets: Targets,
  },
  { $id: 'FlowMetricsSummary', additionalProperties: false },
);

const BaselineInfo = Type.Object(
  {
    source: Type.Union([Type.Literal('csv'), Type.Literal('manual')]),
    recordCount: Type.Integer(),
    updatedAt: Type.String(),
    updatedBy: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

export const MetricsReport = Type.Object(
  {
    summary: MetricsSummary,
    version: Nullable(Type.Integer()),
    bucket: Type.Literal('day'),
    demo: Type.Boolean(),
    hasDemo: Type.Boolean(),
    change: Type.Object(
      { ttvP50Pct: NullableNumber, reworkPct: NullableNumber, slaPct: NullableNumber },
      { additionalProperties: false },
    ),
    baselineInfo: Nullable(BaselineInfo),
    days: Type.Array(
      Type.Object(
        {
          day: Type.String(),
          count: Type.Integer(),
          ttvP50Ms: NullableNumber,
          ttvP90Ms: NullableNumber,
          ttvMeanMs: NullableNumber,
          reworkRate: NullableNumber,
          slaAdherence: NullableNumber,
          byStatus: ByStatus,
        },
        { additionalProperties: false },
      ),
    ),
    byStatus: ByStatus,
    resent: Type.Integer(),
    reworkByRule: Type.Array(
      Type.Object(
        { rule: Type.String(), count: Type.Integer(), rate: NullableNumber },
        { additionalProperties: false },
      ),
    ),
    reworkByField: Type.Array(
      Type.Object(
        { field: Type.String(), count: Type.Integer(), rate: NullableNumber },
        { additionalProperties: false },
      ),
    ),
    topFailingFields: Type.Array(
      Type.Object(
        {
          field: Type.String(),
          count: Type.Integer(),
          ownerId: Nullable(Type.String()),
          ownerName: Nullable(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'FlowMetricsReport', additionalProperties: false },
);

export const PortfolioRow = Type.Object(
  {
    flowId: Type.String(),
    name: Type.String(),
    count: Type.Integer(),
    ttvP50Ms: NullableNumber,
    reworkRate: NullableNumber,
    slaAdherence: NullableNumber,
    slaTargetMs: NullableNumber,
    baseline: Nullable(Figures),
    change: Type.Object(
      { ttvP50Pct: NullableNumber, reworkPct: NullableNumber, slaPct: NullableNumber },
      { additionalProperties: false },
    ),
    targets: Targets,
    demo: Type.Boolean(),
  },
  { additionalProperties: false },
);
export const Portfolio = Type.Object(
  { from: Type.String(), to: Type.String(), items: Type.Array(PortfolioRow) },
  { additionalProperties: false },
);

export const MetricSettingsBody = Type.Object(
  {
    /** The SLA target for Time-to-Value in milliseconds (at most a year); null clears it. */
    slaTargetMs: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 31_536_000_000 })),
  },
  { additionalProperties: false },
);
export type MetricSettingsBody = Static<typeof MetricSettingsBody>;
export const MetricSettingsView = Type.Object(
  { flowId: Type.String(), slaTargetMs: NullableNumber, updatedAt: Nullable(Type.String()) },
  { additionalProperties: false },
);

export const DemoCleared = Type.Object({ removed: Type.Integer() }, { additionalProperties: false });

const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
export const ManualBaselineBody = Type.Object(
  {
    ttvP50Ms: Nullable(Type.Number({ minimum: 0 })),
    reworkRate: Rate,
    slaAdherence: Rate,
  },
  { additionalProperties: false },
);
export type ManualBaselineBody = Static<typeof ManualBaselineBody>;

export const BaselineView = Type.Object(
  {
    flowId: Type.String(),
    baseline: Nullable(Type.Composite([BaselineInfo, Figures])),
  },
  { additionalProperties: false },
);
export const BaselineImported = Type.Object(
  { flowId: Type.String(), imported: Type.Integer(), baseline: Type.Composite([BaselineInfo, Figures]) },
  { additionalProperties: false },
);
