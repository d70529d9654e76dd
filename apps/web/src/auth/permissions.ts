import type { Role, User } from '../api/auth-api';

/**
 * What the UI offers each role: mirrors the server's access table (apps/server/src/auth/
 * access-table.ts), which stays the authority. A refused action shows its reason, never hides silently.
 */
export type Action =
  | 'flow.create'
  | 'draft.edit'
  | 'draft.test-run'
  | 'version.submit'
  | 'version.approve'
  | 'version.publish'
  | 'version.rollback'
  | 'version.sign-off'
  | 'users.manage';

const RULES: Record<Action, { roles: readonly Role[]; reason: string }> = {
  'flow.create': { roles: ['admin', 'analyst'], reason: 'Only analysts and admins create flows.' },
  'draft.edit': {
    roles: ['admin', 'analyst', 'owner'],
    reason: 'Viewers can read flows but not change them.',
  },
  'draft.test-run': { roles: ['admin', 'analyst', 'owner'], reason: 'Viewers cannot run flows.' },
  'version.submit': { roles: ['admin', 'analyst'], reason: 'Only analysts and admins submit versions.' },
  'version.approve': { roles: ['admin'], reason: 'Only an admin approves versions.' },
  'version.publish': { roles: ['admin'], reason: 'Only an admin publishes.' },
  'version.rollback': { roles: ['admin'], reason: 'Only an admin rolls back.' },
  'version.sign-off': { roles: ['owner', 'admin'], reason: 'Only field owners sign off.' },
  'users.manage': { roles: ['admin'], reason: 'Only admins manage users.' },
};

export interface Permission {
  allowed: boolean;
  /** Why not, in words for a tooltip; null when allowed. */
  reason: string | null;
}

export function can(user: Pick<User, 'role'>, action: Action): Permission {
  const rule = RULES[action];
  return rule.roles.includes(user.role)
    ? { allowed: true, reason: null }
    : { allowed: false, reason: rule.reason };
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  analyst: 'Analyst',
  owner: 'Field owner',
  viewer: 'Viewer',
};
