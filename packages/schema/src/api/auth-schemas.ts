import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../enums.js';
import { NullableTimestamp, Timestamp, NullableString } from './common-schemas.js';

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const UserSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    ownerId: NullableString,
    disabled: Type.Boolean(),
    createdAt: Timestamp,
  },
  { $id: 'User', additionalProperties: false },
);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const LoginResponse = Type.Object(
  { csrfToken: Type.String(), user: UserSchema },
  { additionalProperties: false },
);

export const MeResponse = Type.Object(
  {
    user: UserSchema,
    via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
    /** For a session: the token to echo as X-CSRF-Token (after a reload the page asks here). */
    csrfToken: NullableString,
  },
  { additionalProperties: false },
);

export const ApiTokenSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String(),
    createdAt: Timestamp,
    lastUsedAt: NullableTimestamp,
    revokedAt: NullableTimestamp,
  },
  { $id: 'ApiToken', additionalProperties: false },
);

export const CreateTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export type CreateTokenBody = Static<typeof CreateTokenBody>;

/** The only answer that ever carries a token's value: shown once, stored hashed. */
export const CreatedToken = Type.Object(
  { ...ApiTokenSchema.properties, token: Type.String() },
  { additionalProperties: false },
);

export const TokenList = Type.Object({ items: Type.Array(ApiTokenSchema) }, { additionalProperties: false });
export const TokenParams = Type.Object({ tokenId: Type.String({ minLength: 1, maxLength: 100 }) });
export type TokenParams = Static<typeof TokenParams>;

export const UserList = Type.Object({ items: Type.Array(UserSchema) }, { additionalProperties: false });
export const UserParams = Type.Object({ userId: Type.String({ minLength: 1, maxLength: 100 }) });
export type UserParams = Static<typeof UserParams>;

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-zA-Z0-9._-]{2,64}$' }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: RoleSchema,
    ownerId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    password: Type.String({ minLength: 8, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: Type.Optional(RoleSchema),
    ownerId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;
