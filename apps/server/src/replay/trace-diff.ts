import type { Check, CheckRef, Step, StepDiff, StepSide, Trace, TraceDiff } from '@baton/schema';
import { diffFields } from './field-diff.js';

export type { CheckRef, StepDiff, StepSide, TraceDiff };

const checkId = (c: Check) => `${c.rule}\u0000${c.field ?? ''}`;
const notPassing = (step: Step | undefined) =>
  new Map((step?.checks ?? []).filter((c) => c.result !== 'pass').map((c) => [checkId(c), c]));
const ref = (c: Check): CheckRef => ({
  rule: c.rule,
  field: c.field ?? null,
  result: c.result,
  message: c.message ?? null,
});
const side = (s: Step | undefined): StepSide | null =>
  s ? { seq: s.seq, status: s.status, port: s.port ?? null } : null;

/**
 * Step-by-step, field-by-field comparison of an original trace and a replay. Steps are paired
 * by node id (versions of a flow keep their node ids), in the order the original visited them,
 * then the replay's new nodes. Timing and the dry-run flag are not differences.
 */
export function diffTraces(before: Trace, after: Trace): TraceDiff {
  const beforeByNode = new Map(before.steps.map((s) => [s.nodeId, s]));
  const afterByNode = new Map(after.steps.map((s) => [s.nodeId, s]));
  const order = [...new Set([...before.steps.map((s) => s.nodeId), ...after.steps.map((s) => s.nodeId)])];
  const steps = order.map((nodeId): StepDiff => {
    const b = beforeByNode.get(nodeId);
    const a = afterByNode.get(nodeId);
    const failsBefore = notPassing(b);
    const failsAfter = notPassing(a);
    const startedFailing = [...failsAfter].filter(([id]) => !failsBefore.has(id)).map(([, c]) => ref(c));
    const stoppedFailing = [...failsBefore].filter(([id]) => !failsAfter.has(id)).map(([, c]) => ref(c));
    // A step reached on one side only is told by before/after being null, not as field noise.
    const fields = b && a ? diffFields(b.output, a.output) : [];
    const writeBefore = b?.write?.action ?? null;
    const writeAfter = a?.write?.action ?? null;
    const write = writeBefore !== writeAfter ? { before: writeBefore, after: writeAfter } : null;
    const changed =
      !b ||
      !a ||
      b.status !== a.status ||
      b.port !== a.port ||
      fields.length > 0 ||
      startedFailing.length > 0 ||
      stoppedFailing.length > 0 ||
      write !== null;
    const any = (a ?? b) as Step;
    return {
      nodeId,
      label: any.label,
      kind: any.kind,
      before: side(b),
      after: side(a),
      fields,
      startedFailing,
      stoppedFailing,
      write,
      changed,
    };
  });
  const outcomeChanged = before.status !== after.status;
  return {
    outcome: { before: before.status, after: after.status, changed: outcomeChanged },
    recordKey: { before: before.recordKey, after: after.recordKey },
    steps,
    identical: !outcomeChanged && steps.every((s) => !s.changed),
  };
}
