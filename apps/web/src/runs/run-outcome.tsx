import type { Run } from '../api/api-types';

/** For a stopped run, says where and why up front: the failed checks or the error. */
export function RunOutcome({ run }: { run: Run }) {
  const stop = run.steps.find((s) => s.status === 'rejected' || s.status === 'failed');
  const flagged = run.steps.flatMap((s) => s.checks.filter((c) => c.result === 'flag'));
  if (!stop && run.error) {
    return (
      <div className="run-outcome is-stopped" role="note" aria-label="Outcome">
        <strong>The run failed</strong>
        <ul>
          <li>{run.error}</li>
        </ul>
      </div>
    );
  }
  if (!stop && flagged.length === 0) return null;
  const failedChecks = stop?.checks.filter((c) => c.result === 'fail') ?? [];
  const reasons = stop
    ? failedChecks.length
      ? failedChecks.map((c) => c.message ?? c.rule)
      : [stop.error ?? stop.status]
    : flagged.map((c) => c.message ?? c.rule);
  return (
    <div className={`run-outcome ${stop ? 'is-stopped' : 'is-flagged'}`} role="note" aria-label="Outcome">
      <strong>{stop ? `Stopped at step ${stop.seq} (${stop.label})` : 'Written with flags'}</strong>
      <ul>
        {reasons.map((reason, i) => (
          <li key={i}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}
