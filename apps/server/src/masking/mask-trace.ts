import { maskRecord, piiFields } from '@baton/contracts';
import type { Contract, Step } from '@baton/schema';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every field classified `pii` on any edge of the flow. A name marked pii on one hand-off is
 * masked in every step: the trigger's input holds it before any contract has applied, and a
 * mapping usually keeps the name (`email` → `email`).
 */
export function piiFieldsOf(edges: ReadonlyArray<{ contract: Contract | null }>): Set<string> {
  return new Set(edges.flatMap((e) => piiFields(e.contract)));
}

const maskValue = (value: unknown, fields: ReadonlySet<string>): unknown =>
  isRecord(value) ? maskRecord(value, fields) : value;

/** A copy of a step with pii values masked in its input, output and ledger payload. */
export function maskStep(step: Step, fields: ReadonlySet<string>): Step {
  if (fields.size === 0) return step;
  const masked: Step = {
    ...step,
    input: maskValue(step.input, fields),
    output: maskValue(step.output, fields),
  };
  if (step.ledger) masked.ledger = { ...step.ledger, payload: maskRecord(step.ledger.payload, fields) };
  return masked;
}

/**
 * What the API shows of a run or a test run: the input and every step with pii fields masked.
 * Pure; the stored trace is untouched (replay reads the raw input, which stays apart).
 */
export function maskTrace<T extends { steps: Step[]; input?: unknown }>(
  trace: T,
  fields: ReadonlySet<string>,
): T {
  if (fields.size === 0) return trace;
  const masked: T = { ...trace, steps: trace.steps.map((s) => maskStep(s, fields)) };
  if ('input' in trace) masked.input = maskValue(trace.input, fields);
  return masked;
}
