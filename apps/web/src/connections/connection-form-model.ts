import type { TargetRateLimit } from '@baton/schema/api';
import type { Connection, ConnectionInput, ConnectionKind } from './connections-api';

/** The form's flat fields; turned into a kind's `config` and `secret` on save. */
export interface FormState {
  name: string;
  kind: ConnectionKind;
  file: string;
  host: string;
  port: string;
  database: string;
  user: string;
  schema: string;
  password: string;
  url: string;
  method: 'POST' | 'PUT';
  authorization: string;
  timeoutMs: string;
  maxAttempts: string;
  /** Writes per window; blank means no rate limit. */
  rateMax: string;
  ratePerSeconds: string;
}

export function initialState(connection: Connection | null): FormState {
  const c = (connection?.config ?? {}) as Record<string, string | number | undefined>;
  const rate = connection?.config.rateLimit as TargetRateLimit | undefined;
  const text = (v: string | number | undefined, fallback = '') => (v === undefined ? fallback : String(v));
  return {
    name: connection?.name ?? '',
    kind: connection?.kind ?? 'postgres',
    file: text(c.file, 'downstream-2.sqlite'),
    host: text(c.host, '127.0.0.1'),
    port: text(c.port, '5432'),
    database: text(c.database),
    user: text(c.user),
    schema: text(c.schema, 'public'),
    password: '',
    url: text(c.url, 'https://'),
    method: c.method === 'PUT' ? 'PUT' : 'POST',
    authorization: '',
    timeoutMs: text(c.timeoutMs, '10000'),
    maxAttempts: text(c.maxAttempts, '5'),
    rateMax: text(rate?.max),
    ratePerSeconds: text(rate?.perSeconds, '1'),
  };
}

/** The optional `rateLimit` of every kind's config; absent when the field is blank. */
function rateLimitOf(form: FormState): { rateLimit?: { max: number; perSeconds: number } } {
  if (form.rateMax.trim() === '') return {};
  return { rateLimit: { max: Number(form.rateMax), perSeconds: Number(form.ratePerSeconds || '1') } };
}

export function toInput(form: FormState, editing: boolean): ConnectionInput {
  switch (form.kind) {
    case 'sqlite-embedded':
    case 'jsonl-file':
      return { kind: form.kind, config: { file: form.file, ...rateLimitOf(form) } };
    case 'postgres': {
      const input: ConnectionInput = {
        kind: form.kind,
        config: {
          host: form.host,
          port: Number(form.port),
          database: form.database,
          user: form.user,
          schema: form.schema,
          ...rateLimitOf(form),
        },
      };
      // A blank password while editing keeps the stored one.
      if (form.password || !editing) input.secret = form.password ? { password: form.password } : null;
      return input;
    }
    case 'http': {
      const input: ConnectionInput = {
        kind: form.kind,
        config: {
          url: form.url,
          method: form.method,
          timeoutMs: Number(form.timeoutMs),
          maxAttempts: Number(form.maxAttempts),
          ...rateLimitOf(form),
        },
      };
      if (form.authorization || !editing) {
        input.secret = form.authorization ? { headers: { Authorization: form.authorization } } : null;
      }
      return input;
    }
  }
}
