import { jsonCheck, T } from './pg-migration-sql.js';
import type { PgMigration } from './pg-migrations.js';

/** PostgreSQL twin of `sqlite/migration-3-governance.ts`. */
export const PG_GOVERNANCE_MIGRATION: PgMigration = {
  id: 3,
  name: 'users, sessions, tokens, webhook secrets, version review, audit log',
  sql: `
    CREATE TABLE users (
      id ${T} PRIMARY KEY,
      username ${T} NOT NULL,
      display_name ${T} NOT NULL,
      role ${T} NOT NULL CHECK (role IN ('admin', 'analyst', 'owner', 'viewer')),
      owner_id ${T},
      password_hash TEXT NOT NULL,
      disabled BOOLEAN NOT NULL DEFAULT false,
      created_at ${T} NOT NULL
    );
    -- SQLite's COLLATE NOCASE: lower() under the C collation folds ASCII only, as NOCASE does.
    CREATE UNIQUE INDEX users_username ON users (lower(username));

    CREATE TABLE sessions (
      token_hash ${T} PRIMARY KEY,
      user_id ${T} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token ${T} NOT NULL,
      created_at ${T} NOT NULL,
      expires_at ${T} NOT NULL
    );
    CREATE INDEX sessions_user ON sessions(user_id);

    CREATE TABLE api_tokens (
      id ${T} PRIMARY KEY,
      user_id ${T} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name ${T} NOT NULL,
      prefix ${T} NOT NULL,
      token_hash ${T} NOT NULL UNIQUE,
      created_at ${T} NOT NULL,
      last_used_at ${T},
      revoked_at ${T}
    );
    CREATE INDEX api_tokens_user ON api_tokens(user_id);

    CREATE TABLE webhook_secrets (
      flow_id ${T} PRIMARY KEY REFERENCES flows(id) ON DELETE CASCADE,
      secret TEXT NOT NULL,
      created_at ${T} NOT NULL
    );

    ALTER TABLE versions ADD COLUMN author ${T};
    ALTER TABLE versions ADD COLUMN required_sign_offs TEXT NOT NULL DEFAULT '[]' ${jsonCheck('required_sign_offs')};
    ALTER TABLE versions ADD COLUMN sign_offs TEXT NOT NULL DEFAULT '[]' ${jsonCheck('sign_offs')};
    ALTER TABLE versions ADD COLUMN approved_by ${T};
    ALTER TABLE versions ADD COLUMN approved_at ${T};
    ALTER TABLE versions ADD COLUMN approved_hash ${T};
    ALTER TABLE versions ADD COLUMN rejected_by ${T};
    ALTER TABLE versions ADD COLUMN rejected_at ${T};
    ALTER TABLE versions ADD COLUMN review_note TEXT;
    ALTER TABLE versions ADD COLUMN published_by ${T};

    -- Who submitted a version and whose sign-off it needs are part of what was submitted.
    CREATE TRIGGER versions_submission_immutable
    BEFORE UPDATE OF author, required_sign_offs ON versions
    FOR EACH ROW EXECUTE FUNCTION baton_refuse('version submission is immutable');

    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at ${T} NOT NULL,
      actor ${T} NOT NULL,
      action ${T} NOT NULL,
      target_kind ${T} NOT NULL,
      target_id ${T} NOT NULL,
      before_hash ${T},
      after_hash ${T},
      reason TEXT,
      details TEXT NOT NULL ${jsonCheck('details')},
      prev_hash ${T} NOT NULL,
      hash ${T} NOT NULL
    );
    CREATE INDEX audit_target ON audit_log(target_kind, target_id);
    CREATE INDEX audit_actor ON audit_log(actor);

    -- Append-only. Tampering needs DROP TRIGGER (or TRUNCATE); the hash chain still shows it.
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION baton_refuse('the audit log is append-only');
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION baton_refuse('the audit log is append-only');
  `,
};
