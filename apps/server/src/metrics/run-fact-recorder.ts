import type { Repositories, RunDetail } from '@baton/store';
import { entryTimestampFields, factOfRun } from './run-facts.js';

/**
 * Writes a finished run's metrics fact inside the transaction that finishes the run, so a fact
 * exists exactly when its run is finished (no crash window, no polling under load). The entry
 * timestamp fields of a version are read once: versions are immutable.
 */
export class RunFactRecorder {
  private readonly entryFields = new Map<string, string[]>();

  async record(tx: Repositories, run: RunDetail): Promise<void> {
    const fact = factOfRun(run, await this.entryFieldsOf(tx, run.flowId, run.version));
    if (fact) await tx.metrics.record([fact]);
  }

  async entryFieldsOf(
    tx: Pick<Repositories, 'versions'>,
    flowId: string,
    version: number,
  ): Promise<string[]> {
    const key = `${flowId}@${version}`;
    let fields = this.entryFields.get(key);
    if (!fields) {
      const record = await tx.versions.get(flowId, version);
      fields = record ? entryTimestampFields(record.source) : [];
      if (record) this.entryFields.set(key, fields);
    }
    return fields;
  }
}
