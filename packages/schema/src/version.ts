/** Version of the flow document format (source graph and compiled plan). Bump with a migration. */
export const SCHEMA_VERSION = 1 as const;
