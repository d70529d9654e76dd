import type { UpsertRequest, WriteTargets } from '@baton/nodes';
import type { ConnectionService } from '../connections/connection-service.js';
import { DOWNSTREAM_CONNECTION } from './sqlite-downstream.js';

/**
 * The `WriteTargets` the engine sees: a write node's `connection` picks the target, the
 * built-in embedded `downstream` database or a named connection (sqlite-embedded, postgres, http,
 * jsonl-file: one line appended per record, once per idempotency key; see jsonl-target.ts).
 */
export class TargetRouter implements WriteTargets {
  constructor(
    private readonly embedded: WriteTargets,
    private readonly connections: ConnectionService,
  ) {}

  async upsert(request: UpsertRequest) {
    return (await this.pick(request)).upsert(request);
  }

  async preview(request: UpsertRequest) {
    return (await this.pick(request)).preview(request);
  }

  private pick(request: UpsertRequest): Promise<WriteTargets> | WriteTargets {
    return request.target.connection === DOWNSTREAM_CONNECTION
      ? this.embedded
      : this.connections.target(request.target.connection);
  }
}
