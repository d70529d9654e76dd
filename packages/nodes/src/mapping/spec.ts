import { Type, type Static } from '@sinclair/typebox';
import { DynamicValue } from '@baton/schema';
import type { KindSpec } from '../kind-definition.js';

const op = <T extends string>(name: T) => Type.Literal(name);
const closed = { additionalProperties: false } as const;

export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'M/D/YYYY',
  'D/M/YYYY',
  'D.M.YYYY',
  'YYYYMMDD',
  'ISO8601',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A field transform; a discriminated union on `op`, applied in order. */
export const Transform = Type.Union([
  Type.Object({ op: op('trim') }, closed),
  Type.Object({ op: op('lower') }, closed),
  Type.Object({ op: op('upper') }, closed),
  Type.Object(
    {
      op: op('enumMap'),
      map: Type.Record(Type.String(), Type.String()),
      /** When set, a missing or unmatched value becomes this; otherwise it passes unchanged. */
      default: Type.Optional(Type.String()),
      caseInsensitive: Type.Optional(Type.Boolean()),
    },
    closed,
  ),
  Type.Object(
    {
      op: op('number'),
      decimalSeparator: Type.Union([Type.Literal('.'), Type.Literal(',')]),
      multiplyBy: Type.Optional(Type.Number()),
      /** Decimal places to round to (0 = integer). */
      round: Type.Optional(Type.Integer({ minimum: 0, maximum: 12 })),
    },
    closed,
  ),
  Type.Object(
    {
      op: op('date'),
      formats: Type.Array(Type.Union(DATE_FORMATS.map((f) => Type.Literal(f))), { minItems: 1 }),
    },
    closed,
  ),
  Type.Object({ op: op('default'), value: Type.Unknown() }, closed),
  Type.Object({ op: op('constant'), value: Type.Unknown() }, closed),
]);
export type Transform = Static<typeof Transform>;

export const FieldMapping = Type.Object(
  {
    to: Type.String({ minLength: 1 }),
    /** Dotted path into the input record. */
    from: Type.Optional(Type.String({ minLength: 1 })),
    transforms: Type.Array(Transform, { default: [] }),
    /** A literal or a JSONata expression over the input, used instead of `from`. */
    value: Type.Optional(DynamicValue),
  },
  closed,
);
export type FieldMapping = Static<typeof FieldMapping>;

export const ComputedField = Type.Object(
  { to: Type.String({ minLength: 1 }), expression: Type.String() },
  closed,
);

export const MappingConfig = Type.Object(
  {
    fields: Type.Array(FieldMapping, { default: [] }),
    computed: Type.Array(ComputedField, { default: [] }),
    keepUnmapped: Type.Boolean({ default: false }),
  },
  closed,
);
export type MappingConfig = Static<typeof MappingConfig>;

export const mappingSpec: KindSpec<typeof MappingConfig> = {
  kind: 'mapping',
  version: 1,
  title: 'Mapping',
  description:
    'Renames and normalises fields: trim, case, enum mapping, numbers, dates, defaults, computed fields.',
  palette: { group: 'Transform', order: 2, glyph: 'shuffle' },
  inputs: [{ id: 'in', label: 'Record' }],
  outputs: [{ id: 'out', label: 'Mapped record' }],
  configSchema: MappingConfig,
  defaultConfig: () => ({ fields: [], computed: [], keepUnmapped: false }),
  migrations: [],
};
