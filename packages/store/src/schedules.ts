/**
 * The state of one flow's schedule trigger: where its source cursor stands and how the last tick
 * went. Keyed by flow and trigger node, not by version: publishing a new version keeps the cursor,
 * so rows already turned into runs are not pulled again.
 */
export interface ScheduleState {
  flowId: string;
  nodeId: string;
  /** The cursor value of the last row turned into a run (a number or a string); null before the first. */
  cursor: string | number | null;
  lastTickAt: string | null;
  /** Runs the last successful tick started. */
  lastStarted: number;
  /** Runs started since the schedule was first seen. */
  totalStarted: number;
  lastError: string | null;
  lastErrorAt: string | null;
  updatedAt: string;
}

export interface ScheduleRepository {
  get(flowId: string, nodeId: string): Promise<ScheduleState | null>;
  /**
   * Moves the cursor from `expected` to `next` and records a successful tick; false (nothing
   * changed) when the stored cursor is no longer `expected` — another tick got there first, so
   * the caller's transaction must roll back the runs it enqueued.
   */
  advance(input: {
    flowId: string;
    nodeId: string;
    expected: string | number | null;
    next: string | number | null;
    started: number;
    at: string;
  }): Promise<boolean>;
  /** Records a failed tick; the cursor stays where it was. */
  recordError(input: { flowId: string; nodeId: string; error: string; at: string }): Promise<void>;
}
