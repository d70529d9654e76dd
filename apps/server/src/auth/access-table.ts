import type { Role } from '@baton/store';

/**
 * Who may call what: the one authorization table. Every route the app registers has a row
 * (a test enumerates the routes and fails on a missing one; at run time a route without a row
 * is refused, so a forgotten row fails closed).
 *
 * - `public`: no credentials (login, health, the OpenAPI document).
 * - `signed-in`: any role; the handler scopes what it returns to the caller (own tokens…).
 * - `webhook`: the flow's HMAC signature, or a bearer API token of a role in `WEBHOOK_ROLES`.
 * - a list of roles: those roles; others get 403. Handlers add object-level checks on top
 *   (an owner edits only the contract fields they own; an admin never approves their own version).
 */
export type Access = 'public' | 'signed-in' | 'webhook' | readonly Role[];

const ALL: readonly Role[] = ['admin', 'analyst', 'owner', 'viewer'];
const EDITORS: readonly Role[] = ['admin', 'analyst'];
const ADMIN: readonly Role[] = ['admin'];

/** Roles whose API token may run a flow through its webhook (viewers read, never execute). */
export const WEBHOOK_ROLES: readonly Role[] = ['admin', 'analyst'];

export const ACCESS_TABLE: Readonly<Record<string, Access>> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/openapi.json': 'public',

  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/me': 'signed-in',
  'GET /api/tokens': 'signed-in',
  'POST /api/tokens': 'signed-in',
  'DELETE /api/tokens/:tokenId': 'signed-in',
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/:userId': ADMIN,

  'GET /api/flows': ALL,
  'POST /api/flows': EDITORS,
  'GET /api/templates': EDITORS,
  'GET /api/flows/:id': ALL,
  'GET /api/flows/:id/draft': ALL,
  // Owners too: the handler lets them change only the rules of the contract fields they own.
  'PUT /api/flows/:id/draft': ['admin', 'analyst', 'owner'],
  'POST /api/flows/:id/compile': ALL,
  'POST /api/flows/:id/test-run': ['admin', 'analyst', 'owner'],
  'GET /api/flows/:id/webhook-secret': ADMIN,
  'POST /api/flows/:id/webhook-secret': ADMIN,

  'GET /api/flows/:id/versions': ALL,
  'POST /api/flows/:id/versions': EDITORS,
  'GET /api/flows/:id/versions/:n': ALL,
  'GET /api/flows/:id/versions/:a/diff/:b': ALL,
  // Owners only, and only for owners a version is waiting on (checked in the handler).
  'POST /api/flows/:id/versions/:n/sign-off': ['owner', 'admin'],
  'POST /api/flows/:id/versions/:n/approve': ADMIN,
  'POST /api/flows/:id/versions/:n/reject': ADMIN,
  'POST /api/flows/:id/versions/:n/publish': ADMIN,
  'POST /api/flows/:id/rollback': ADMIN,
  'GET /api/approvals': ALL,

  'GET /api/runs': ALL,
  'GET /api/runs/:id': ALL,
  'POST /api/runs/:id/replay': ['admin', 'analyst', 'owner'],
  'GET /api/runs/counts': ALL,
  'GET /api/runs/export.csv': ALL,
  'GET /api/runs/events': ALL,
  'GET /api/runs/:id/export': ALL,
  'POST /api/flows/:id/what-if': ['admin', 'analyst', 'owner'],
  'POST /api/runs/:id/retry': EDITORS,
  'GET /api/dead-letters': ALL,
  'POST /api/dead-letters/retry': EDITORS,

  // Schedule and batch triggers (triggers/). Rejects carry raw rows: editors only.
  'GET /api/flows/:id/schedule': ALL,
  'POST /api/flows/:id/schedule/run-now': EDITORS,
  'POST /api/schedules/preview': ALL,
  'POST /api/flows/:id/batches': EDITORS,
  'GET /api/flows/:id/batches': ALL,
  'GET /api/batches/:batchId': ALL,
  'GET /api/batches/:batchId/rejects': EDITORS,

  // Connections: admins manage them (credentials); analysts see names and kinds to pick one.
  'GET /api/connections': EDITORS,
  'POST /api/connections': ADMIN,
  'GET /api/connections/:name': EDITORS,
  'PUT /api/connections/:name': ADMIN,
  'DELETE /api/connections/:name': ADMIN,
  'POST /api/connections/:name/test': ADMIN,
  'GET /api/flows/:id/metrics': ALL,
  'GET /api/metrics/portfolio': ALL,
  'GET /api/flows/:id/metrics/settings': ALL,
  'PUT /api/flows/:id/metrics/settings': EDITORS,
  'DELETE /api/flows/:id/metrics/demo': EDITORS,
  'GET /api/flows/:id/baseline': ALL,
  'POST /api/flows/:id/baseline': EDITORS,
  'PUT /api/flows/:id/baseline': EDITORS,
  'DELETE /api/flows/:id/baseline': EDITORS,

  'GET /api/owners': ALL,
  'POST /api/owners': ADMIN,
  'GET /api/owners/:ownerId': ALL,
  'PATCH /api/owners/:ownerId': ADMIN,
  'DELETE /api/owners/:ownerId': ADMIN,
  'GET /api/owner-lookup': ALL,
  'PUT /api/owner-lookup/:category': ADMIN,
  // My fields: an owner-role caller may patch only their own owner id's fields (checked in the handler).
  'GET /api/owners/:ownerId/fields': ALL,
  'PATCH /api/owners/:ownerId/fields/:flowId/:edgeId/:field': ['admin', 'analyst', 'owner'],
  'GET /api/flows/:id/edges/:edgeId/contract/json-schema': ALL,
  'GET /api/flows/:id/edges/:edgeId/contract/odcs': ALL,
  'POST /api/flows/:id/edges/:edgeId/contract/import': EDITORS,
  'GET /api/flows/:id/edges/:edgeId/contract/changes': ALL,
  'GET /api/flows/:id/edge-stats': ALL,
  'POST /api/contracts/classify': ALL,
  'POST /api/contracts/infer': EDITORS,
  'GET /api/inbox': ALL,
  'POST /api/inbox/:itemId/close': ['admin', 'analyst', 'owner'],
  'POST /api/inbox/:itemId/reopen': ['admin', 'analyst', 'owner'],
  'GET /api/notifications/deliveries': ALL,

  // The pilot playbook: analysts and owners keep it (owners own risks and runbook steps);
  // viewers read it. A new flow from a candidate also passes POST /api/flows's own row.
  'GET /api/playbook/candidates': ALL,
  'POST /api/playbook/candidates': ['admin', 'analyst', 'owner'],
  'GET /api/playbook/candidates/:candidateId': ALL,
  'PATCH /api/playbook/candidates/:candidateId': ['admin', 'analyst', 'owner'],
  'DELETE /api/playbook/candidates/:candidateId': ['admin', 'analyst', 'owner'],
  'POST /api/playbook/candidates/:candidateId/flow': EDITORS,
  'GET /api/flows/:id/risks': ALL,
  'POST /api/flows/:id/risks': ['admin', 'analyst', 'owner'],
  'PATCH /api/flows/:id/risks/:riskId': ['admin', 'analyst', 'owner'],
  'DELETE /api/flows/:id/risks/:riskId': ['admin', 'analyst', 'owner'],
  'GET /api/flows/:id/runbook': ALL,
  'PUT /api/flows/:id/runbook': ['admin', 'analyst', 'owner'],
  'GET /api/flows/:id/runbook/revisions': ALL,
  'GET /api/flows/:id/status-report': ALL,
  'POST /api/flows/:id/status-report': ALL,
  'GET /api/flows/:id/retrospectives': ALL,
  'POST /api/flows/:id/retrospectives': ['admin', 'analyst', 'owner'],
  'GET /api/playbook/backlog': ALL,
  'PATCH /api/playbook/backlog/:itemId': ['admin', 'analyst', 'owner'],

  'GET /api/audit': ALL,
  'GET /api/audit.csv': ALL,
  'GET /api/audit/verify': ALL,

  'POST /hooks/:flowId': 'webhook',
};

/** The API docs page and its assets (served by @fastify/swagger-ui) are public like the document. */
const PUBLIC_PREFIXES = ['/api/docs'];

/** Paths outside the API: the web app's files and the SPA fallback are public. */
function isApiUrl(url: string): boolean {
  return url.startsWith('/api') || url.startsWith('/hooks') || url === '/healthz' || url === '/readyz';
}

/**
 * The row for a route (`url` is the route's pattern, e.g. `/api/flows/:id`). HEAD follows GET.
 * Undefined means the table has no row: the caller must refuse.
 */
export function accessFor(method: string, url: string): Access | undefined {
  if (!isApiUrl(url) || PUBLIC_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`))) return 'public';
  const verb = method === 'HEAD' ? 'GET' : method;
  return ACCESS_TABLE[`${verb} ${url}`];
}
