import type { Diagnostic } from '@baton/schema';

/** An RFC 9457 problem document as the server sends it: `code` is stable, `detail` is for people. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  diagnostics?: Diagnostic[];
  [extra: string]: unknown;
}

/**
 * Every failed API call rejects with this, so callers branch on `code` (stable) and show `detail`.
 * Network failures get `code: 'network_error'` and status 0.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    const detail = problem.detail ?? problem.title ?? `Request failed with status ${status}`;
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network_error' : `http_${status}`);
    this.detail = detail;
    this.problem = problem;
  }

  get diagnostics(): Diagnostic[] {
    return Array.isArray(this.problem.diagnostics) ? this.problem.diagnostics : [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A message fit for an error banner, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return String(error);
}
