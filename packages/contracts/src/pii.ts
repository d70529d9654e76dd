import type { Contract } from '@baton/schema';

/** What a masked value reads as in traces and ledgers (the log node writes the same). */
export const MASKED = '***';

/** Names of the contract's fields classified `pii`, in contract order. */
export function piiFields(contract: Contract | null): string[] {
  return (contract?.fields ?? []).filter((f) => f.classification === 'pii').map((f) => f.name);
}

/**
 * A copy of `record` with the value of each listed top-level field that is present replaced by
 * `***`. Absent fields stay absent (masking must not invent a field), and the input is untouched.
 */
export function maskRecord<T extends Record<string, unknown>>(record: T, fields: Iterable<string>): T {
  const masked: Record<string, unknown> = { ...record };
  for (const name of fields) if (Object.hasOwn(masked, name)) masked[name] = MASKED;
  return masked as T;
}
