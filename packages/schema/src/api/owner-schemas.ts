import { Type, type Static } from '@sinclair/typebox';
import { ContractField, Diagnostic } from '../index.js';
import { ISSUE_CATEGORIES, OWNER_KINDS } from '../enums.js';
import { Timestamp, NullableString } from './common-schemas.js';

const OwnerId = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
const WebhookUrl = Type.String({ pattern: '^https?://', maxLength: 2000 });

export const OwnerIdParams = Type.Object({ ownerId: Type.String({ minLength: 1, maxLength: 100 }) });
export type OwnerIdParams = Static<typeof OwnerIdParams>;

/** An owner as the API shows it: the webhook secret is write-only. */
export const OwnerView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: Type.Union(OWNER_KINDS.map((k) => Type.Literal(k))),
    email: NullableString,
    webhookUrl: NullableString,
    hasWebhookSecret: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Owner', additionalProperties: false },
);
export type OwnerView = Static<typeof OwnerView>;

export const OwnerList = Type.Object({ items: Type.Array(OwnerView) }, { additionalProperties: false });

export const NewOwnerBody = Type.Object(
  {
    id: OwnerId,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Optional(Type.Union(OWNER_KINDS.map((k) => Type.Literal(k)))),
    email: Type.Optional(
      Type.Union([Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 320 }), Type.Null()]),
    ),
    webhookUrl: Type.Optional(Type.Union([WebhookUrl, Type.Null()])),
    webhookSecret: Type.Optional(Type.Union([Type.String({ minLength: 8, maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type NewOwnerBody = Static<typeof NewOwnerBody>;

export const OwnerPatchBody = Type.Partial(Type.Omit(NewOwnerBody, ['id']), { additionalProperties: false });
export type OwnerPatchBody = Static<typeof OwnerPatchBody>;

const IssueCategory = Type.Union(ISSUE_CATEGORIES.map((c) => Type.Literal(c)));

export const LookupEntry = Type.Object(
  {
    category: IssueCategory,
    label: Type.String(),
    ownerId: NullableString,
    ownerName: NullableString,
  },
  { additionalProperties: false },
);
export const LookupList = Type.Object({ items: Type.Array(LookupEntry) }, { additionalProperties: false });
export const LookupParams = Type.Object({ category: IssueCategory });
export type LookupParams = Static<typeof LookupParams>;
export const LookupBody = Type.Object(
  { ownerId: Type.Union([Type.String({ minLength: 1 }), Type.Null()]) },
  { additionalProperties: false },
);
export type LookupBody = Static<typeof LookupBody>;

export const FieldFailureView = Type.Object(
  {
    runId: Type.String(),
    flowId: Type.String(),
    field: Type.String(),
    rule: NullableString,
    message: Type.String(),
    kind: Type.String(),
    createdAt: Timestamp,
  },
  { additionalProperties: false },
);

export const OwnedField = Type.Object(
  {
    flowId: Type.String(),
    flowName: Type.String(),
    edgeId: Type.String(),
    edgeLabel: Type.String(),
    field: ContractField,
    failures: Type.Array(FieldFailureView),
  },
  { additionalProperties: false },
);
export const OwnedFieldList = Type.Object({ items: Type.Array(OwnedField) }, { additionalProperties: false });

export const FieldParams = Type.Object({
  ownerId: Type.String({ minLength: 1 }),
  flowId: Type.String({ minLength: 1 }),
  edgeId: Type.String({ minLength: 1 }),
  field: Type.String({ minLength: 1 }),
});
export type FieldParams = Static<typeof FieldParams>;

/**
 * The rules a field owner may change (never name, type, owner or classification: those are the
 * analyst's). `null` removes a rule.
 */
export const FieldRulesPatch = Type.Object(
  {
    required: Type.Optional(Type.Boolean()),
    allowed: Type.Optional(
      Type.Union([Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean()])), Type.Null()]),
    ),
    pattern: Type.Optional(NullableString),
    min: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    max: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    minLength: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    maxLength: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    description: Type.Optional(NullableString),
    onFail: Type.Optional(
      Type.Union([
        Type.Object(
          { action: Type.Literal('reject'), message: Type.String() },
          { additionalProperties: false },
        ),
        Type.Object(
          { action: Type.Literal('flag'), message: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);
export type FieldRulesPatch = Static<typeof FieldRulesPatch>;

/** The field after a rules patch, with the draft's diagnostics. */
export const FieldPatchResponse = Type.Object(
  { field: ContractField, diagnostics: Type.Array(Diagnostic) },
  { additionalProperties: false },
);
