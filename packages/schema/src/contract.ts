import { Type, type Static } from '@sinclair/typebox';

export const FIELD_KINDS = ['string', 'integer', 'number', 'boolean', 'date', 'datetime', 'enum'] as const;
export const FieldKind = Type.Union(FIELD_KINDS.map((k) => Type.Literal(k)));
export type FieldKind = Static<typeof FieldKind>;

export const Classification = Type.Union([
  Type.Literal('public'),
  Type.Literal('internal'),
  Type.Literal('pii'),
]);
export type Classification = Static<typeof Classification>;

/** What happens when a record breaks a field's rule: stop it, or let it through flagged for the owner. */
export const OnFail = Type.Union([
  Type.Object({ action: Type.Literal('reject'), message: Type.String() }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('flag'), message: Type.Optional(Type.String()) },
    { additionalProperties: false },
  ),
]);
export type OnFail = Static<typeof OnFail>;

export const ContractField = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    /** `type` is the data contract's own word (PRODUCT.md); elsewhere Baton says "kind". */
    type: FieldKind,
    /** Some source systems send a number or a numeric string; extra accepted types. */
    alsoAccept: Type.Optional(Type.Array(FieldKind)),
    required: Type.Boolean({ default: false }),
    allowed: Type.Optional(Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
    pattern: Type.Optional(Type.String()),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    minLength: Type.Optional(Type.Integer({ minimum: 0 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 0 })),
    description: Type.Optional(Type.String()),
    owner: Type.Optional(Type.String()),
    sourceOfTruth: Type.Optional(Type.String()),
    classification: Type.Optional(Classification),
    onFail: Type.Optional(OnFail),
    /** Marks the field holding the record's entry time (Time-to-Value starts there). */
    entryTimestamp: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ContractField = Static<typeof ContractField>;

export const ExtraFieldsPolicy = Type.Union([Type.Literal('drop'), Type.Literal('reject')]);
export type ExtraFieldsPolicy = Static<typeof ExtraFieldsPolicy>;

export const Contract = Type.Object(
  {
    fields: Type.Array(ContractField),
    extraFields: ExtraFieldsPolicy,
  },
  { additionalProperties: false },
);
export type Contract = Static<typeof Contract>;

export const RACI_ROW_IDS = ['dataQuality', 'integrationLogic', 'incidentResponse'] as const;

export const RaciRow = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    label: Type.String(),
    responsible: Type.Array(Type.String()),
    accountable: Type.Array(Type.String()),
    consulted: Type.Array(Type.String()),
    informed: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type RaciRow = Static<typeof RaciRow>;

export const Raci = Type.Object({ rows: Type.Array(RaciRow) }, { additionalProperties: false });
export type Raci = Static<typeof Raci>;

export function emptyContract(): Contract {
  return { fields: [], extraFields: 'drop' };
}

export function emptyRaci(): Raci {
  const labels: Record<(typeof RACI_ROW_IDS)[number], string> = {
    dataQuality: 'Data quality',
    integrationLogic: 'Integration logic',
    incidentResponse: 'Incident response',
  };
  return {
    rows: RACI_ROW_IDS.map((id) => ({
      id,
      label: labels[id],
      responsible: [],
      accountable: [],
      consulted: [],
      informed: [],
    })),
  };
}
