import { maskRecord } from '@baton/contracts';
import type { Repositories, RunRecord } from '@baton/store';
import type { SecretBox } from '../connections/secret-box.js';
import { piiFieldsOf } from '../masking/mask-trace.js';

/**
 * The run's raw input at rest: sealed with the connection-secrets key (AES-256-GCM), the flow id
 * bound as associated data so a sealed input copied onto another flow's run does not open. The
 * runs table keeps beside it a pii-masked copy for the API; only execution (runner) and replay
 * call `open`, so no route can hand out the raw input.
 */
export class RunInputVault {
  /** pii field names per `flowId@version`; versions are immutable, so this never goes stale. */
  private readonly pii = new Map<string, Set<string>>();

  constructor(private readonly box: SecretBox) {}

  /**
   * `seal` with the pii fields of the run's version, read through `versions` (the caller's
   * transaction, so intake never waits on a second connection).
   */
  async sealFor(
    versions: Repositories['versions'],
    run: { flowId: string; version: number },
    input: Record<string, unknown>,
  ): Promise<{ input: Record<string, unknown>; inputSealed: string }> {
    const key = `${run.flowId}@${run.version}`;
    let fields = this.pii.get(key);
    if (!fields) {
      const record = await versions.get(run.flowId, run.version);
      fields = piiFieldsOf(record?.definition.edges ?? []);
      if (record) this.pii.set(key, fields);
    }
    return this.seal(run.flowId, input, fields);
  }

  /** What intake stores: the masked copy shown by the API and the sealed raw input. */
  seal(
    flowId: string,
    input: Record<string, unknown>,
    piiFields: ReadonlySet<string>,
  ): { input: Record<string, unknown>; inputSealed: string } {
    return {
      input: piiFields.size > 0 ? maskRecord(input, piiFields) : input,
      inputSealed: this.box.seal(JSON.stringify(input), contextOf(flowId)),
    };
  }

  /** The raw input of a run: opened when sealed, as stored for rows written before sealing. */
  open(run: Pick<RunRecord, 'flowId' | 'input' | 'inputSealed'>): Record<string, unknown> {
    if (run.inputSealed === undefined) return run.input;
    return JSON.parse(this.box.open(run.inputSealed, contextOf(run.flowId))) as Record<string, unknown>;
  }

  /** Throws `SecretKeyError` when the key does not open a stored input (start-up check). */
  check(sample: { flowId: string; inputSealed: string }): void {
    this.box.open(sample.inputSealed, contextOf(sample.flowId));
  }
}

const contextOf = (flowId: string): string => `run-input:${flowId}`;
