import { planContentHash } from '@baton/compiler';
import type { FastifyInstance } from 'fastify';
import { StoreNotFoundError, StoreStateError, type VersionRecord } from '@baton/store';
import { ConflictProblem, NotFoundProblem } from '../problems.js';

/** The version or a 404 `version_not_found`. */
export async function versionOr404(app: FastifyInstance, flowId: string, n: number): Promise<VersionRecord> {
  const version = await app.store.versions.get(flowId, n);
  if (!version) throw new NotFoundProblem('version_not_found', `no version ${n} of flow ${flowId}`);
  return version;
}

/**
 * Versions are immutable in the database (a trigger refuses updates), so a stored plan that no
 * longer hashes to its content hash means someone edited the file: never approve or publish it.
 */
export function assertContentIntact(version: VersionRecord): void {
  const { contentHash, ...body } = version.definition;
  const actual = planContentHash(body);
  if (actual !== version.contentHash || contentHash !== version.contentHash) {
    throw new ConflictProblem(
      'version_content_changed',
      `version ${version.version}'s content no longer matches its hash`,
      {
        contentHash: version.contentHash,
        actualHash: actual,
      },
    );
  }
}

/** Maps the store's state and not-found errors of a gate transition to problems. */
export function gateError(error: unknown, flowId: string, n: number, action: string): unknown {
  if (error instanceof StoreStateError) {
    return new ConflictProblem(
      'version_state_conflict',
      `cannot ${action} version ${n}: it is ${error.state}`,
      {
        state: error.state,
      },
    );
  }
  if (error instanceof StoreNotFoundError)
    return new NotFoundProblem('version_not_found', `no version ${n} of flow ${flowId}`);
  return error;
}
