import type { Migration } from './migrations.js';

/**
 * Governance: users with their sessions and API tokens, webhook secrets, the review columns
 * of versions and the hash-chained audit log. Its own file so the numbered list stays short.
 */
export const GOVERNANCE_MIGRATION: Migration = {
  id: 3,
  name: 'users, sessions, tokens, webhook secrets, version review, audit log',
  sql: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'owner', 'viewer')),
      owner_id TEXT,
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sessions_user ON sessions(user_id);

    CREATE TABLE api_tokens (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      prefix TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      last_used_at TEXT,
      revoked_at TEXT
    ) STRICT;
    CREATE INDEX api_tokens_user ON api_tokens(user_id);

    CREATE TABLE webhook_secrets (
      flow_id TEXT PRIMARY KEY REFERENCES flows(id) ON DELETE CASCADE,
      secret TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    ALTER TABLE versions ADD COLUMN author TEXT;
    ALTER TABLE versions ADD COLUMN required_sign_offs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(required_sign_offs));
    ALTER TABLE versions ADD COLUMN sign_offs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sign_offs));
    ALTER TABLE versions ADD COLUMN approved_by TEXT;
    ALTER TABLE versions ADD COLUMN approved_at TEXT;
    ALTER TABLE versions ADD COLUMN approved_hash TEXT;
    ALTER TABLE versions ADD COLUMN rejected_by TEXT;
    ALTER TABLE versions ADD COLUMN rejected_at TEXT;
    ALTER TABLE versions ADD COLUMN review_note TEXT;
    ALTER TABLE versions ADD COLUMN published_by TEXT;

    -- Who submitted a version and whose sign-off it needs are part of what was submitted.
    CREATE TRIGGER versions_submission_immutable
    BEFORE UPDATE OF author, required_sign_offs ON versions
    BEGIN
      SELECT RAISE(ABORT, 'version submission is immutable');
    END;

    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      target_kind TEXT NOT NULL,
      target_id TEXT NOT NULL,
      before_hash TEXT,
      after_hash TEXT,
      reason TEXT,
      details TEXT NOT NULL CHECK (json_valid(details)),
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_target ON audit_log(target_kind, target_id);
    CREATE INDEX audit_actor ON audit_log(actor);

    -- Append-only. Tampering needs the file and DROP TRIGGER; the hash chain still shows it.
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only');
    END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only');
    END;
  `,
};
