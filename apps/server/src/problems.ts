/**
 * Every problem code the API answers with. Codes are stable (clients and tests match on them);
 * titles are for humans and may be reworded.
 */
export const PROBLEM_TITLES = {
  not_found: 'Not found',
  flow_not_found: 'Flow not found',
  flow_not_published: 'Flow has no published version',
  version_not_found: 'Version not found',
  run_not_found: 'Run not found',
  validation_failed: 'Request does not match its schema',
  invalid_source: 'Not a valid flow source document',
  invalid_record: 'Not a record',
  invalid_cursor: 'Invalid cursor',
  malformed_json: 'Malformed JSON',
  unsupported_media_type: 'Unsupported media type',
  payload_too_large: 'Payload too large',
  bad_request: 'Bad request',
  conflict: 'Conflict',
  flow_exists: 'Flow exists',
  draft_invalid: 'Draft does not compile',
  record_rejected: 'Record rejected',
  idempotency_key_reused: 'Idempotency-Key reused with a different body',
  idempotency_key_in_progress: 'A request with this Idempotency-Key is still running',
  run_failed: 'Run failed',
  run_not_replayable: 'Run cannot be replayed',
  overloaded: 'Too many runs waiting; retry later',
  dependency_unavailable: 'A service Baton depends on is unreachable; retry later',
  run_not_retryable: 'Only a failed run can be retried',
  run_already_retried: 'This failed run was retried already',
  connection_not_found: 'Connection not found',
  connection_exists: 'Connection exists',
  invalid_connection: 'Invalid connection',
  secret_key_missing: 'No secret key configured',
  unauthenticated: 'Sign in or send an API token',
  invalid_credentials: 'Wrong username or password',
  invalid_signature: 'Webhook signature missing, wrong or too old',
  forbidden: 'Your role may not do this',
  csrf_token_invalid: 'Missing or wrong X-CSRF-Token',
  access_rule_missing: 'The route has no access rule',
  not_field_owner: 'Only the owner of these contract fields may change them',
  self_approval_forbidden: 'An author may not approve their own version',
  sign_off_not_needed: 'This version does not wait for your sign-off',
  sign_off_pending: 'Field owners have not signed off yet',
  version_content_changed: 'The version is not the content that was reviewed',
  version_state_conflict: 'The version is not in a state that allows this',
  rate_limited: 'Too many requests',
  username_taken: 'Username taken',
  user_not_found: 'User not found',
  token_not_found: 'Token not found',
  owner_not_found: 'Owner not found',
  template_not_found: 'Template not found',
  owner_exists: 'Owner exists',
  owner_in_use: 'Owner is still referenced',
  edge_not_found: 'Edge not found',
  field_not_found: 'Contract field not found',
  contract_import_failed: 'The document cannot be imported as a contract',
  inbox_item_not_found: 'Inbox item not found',
  candidate_not_found: 'Scoping candidate not found',
  candidate_has_flow: 'A flow was made from this candidate already',
  risk_not_found: 'Risk not found',
  runbook_revision_not_found: 'Runbook revision not found',
  backlog_item_not_found: 'Backlog item not found',
  invalid_week: 'Not a week (YYYY-MM-DD)',
  batch_not_found: 'Batch not found',
  schedule_not_configured: 'The published version has no schedule trigger',
  schedule_source_failed: "The schedule's source could not be read",
  schedule_tick_busy: 'A tick of this schedule is already running',
  internal_error: 'Internal error',
} as const;

export type ProblemCode = keyof typeof PROBLEM_TITLES;

/**
 * An error that becomes an `application/problem+json` answer (RFC 9457). `extensions` are
 * extra members of the problem document (e.g. `runId`, `checks`, `diagnostics`).
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'Problem';
  }
}

export class NotFoundProblem extends Problem {
  constructor(code: Extract<ProblemCode, `${string}not_found` | 'flow_not_published'>, detail: string) {
    super(404, code, detail);
  }
}

export class BadRequestProblem extends Problem {
  constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(400, code, detail, extensions);
  }
}

export class ConflictProblem extends Problem {
  constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(409, code, detail, extensions);
  }
}

export class UnprocessableProblem extends Problem {
  constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(422, code, detail, extensions);
  }
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  [extension: string]: unknown;
}

export function problemDocument(
  status: number,
  code: ProblemCode,
  detail: string,
  extensions: Record<string, unknown> = {},
): ProblemDocument {
  const standard = {
    type: `https://baton.dev/problems/${code}`,
    title: PROBLEM_TITLES[code],
    status,
    detail,
    code,
  };
  // An extension never overwrites a standard member (a `status` extension would lie about HTTP).
  const extra = Object.fromEntries(Object.entries(extensions).filter(([name]) => !(name in standard)));
  return { ...standard, ...extra };
}
