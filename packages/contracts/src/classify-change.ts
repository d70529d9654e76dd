import type { Contract, ContractField } from '@baton/schema';
import { kindsOf } from './json-schema.js';

export type ContractChangeKind =
  | 'field_added'
  | 'field_removed'
  | 'type_changed'
  | 'types_widened'
  | 'types_narrowed'
  | 'became_required'
  | 'became_optional'
  | 'allowed_narrowed'
  | 'allowed_widened'
  | 'pattern_changed'
  | 'pattern_removed'
  | 'bound_tightened'
  | 'bound_loosened'
  | 'on_fail_tightened'
  | 'on_fail_loosened'
  | 'extra_fields_tightened'
  | 'extra_fields_loosened'
  | 'metadata_changed';

export interface ContractChange {
  /** The field changed; null for a change to the contract as a whole (`extraFields`). */
  field: string | null;
  change: ContractChangeKind;
  breaking: boolean;
  /** Which setting, when the kind alone does not say (`min`, `owner`, …). */
  detail?: string;
}

export interface ContractChangeReport {
  breaking: boolean;
  changes: ContractChange[];
}

const NO_FIELDS: Contract = { fields: [], extraFields: 'drop' };

/** Lower bounds tighten upwards, upper bounds downwards; adding a bound tightens, removing loosens. */
const BOUNDS = [
  { key: 'min', lower: true },
  { key: 'minLength', lower: true },
  { key: 'max', lower: false },
  { key: 'maxLength', lower: false },
] as const;

const METADATA = ['description', 'owner', 'sourceOfTruth', 'classification', 'entryTimestamp'] as const;

function boundChange(before: number | undefined, after: number | undefined, lower: boolean): boolean | null {
  if (before === after) return null;
  if (after === undefined) return false;
  if (before === undefined) return true;
  return lower ? after > before : after < before;
}

function compareField(a: ContractField, b: ContractField): ContractChange[] {
  const changes: ContractChange[] = [];
  const add = (change: ContractChangeKind, breaking: boolean, detail?: string) =>
    changes.push({ field: b.name, change, breaking, ...(detail === undefined ? {} : { detail }) });

  if (a.type !== b.type) add('type_changed', true);
  else {
    const before = kindsOf(a);
    const after = kindsOf(b);
    if (before.some((k) => !after.includes(k))) add('types_narrowed', true, 'alsoAccept');
    else if (after.some((k) => !before.includes(k))) add('types_widened', false, 'alsoAccept');
  }
  if (a.required !== b.required) add(b.required ? 'became_required' : 'became_optional', b.required);

  const allowedBefore = a.allowed?.length ? a.allowed : undefined;
  const allowedAfter = b.allowed?.length ? b.allowed : undefined;
  if (allowedAfter && (!allowedBefore || allowedBefore.some((v) => !allowedAfter.includes(v))))
    add('allowed_narrowed', true, 'allowed');
  else if (allowedBefore && (!allowedAfter || allowedAfter.some((v) => !allowedBefore.includes(v))))
    add('allowed_widened', false, 'allowed');

  // Whether one regex accepts a superset of another is undecidable in general: any new or
  // edited pattern may refuse records the old one took, so it counts as breaking.
  if (a.pattern !== b.pattern) {
    if (b.pattern === undefined) add('pattern_removed', false, 'pattern');
    else add('pattern_changed', true, 'pattern');
  }
  for (const { key, lower } of BOUNDS) {
    const tightened = boundChange(a[key], b[key], lower);
    if (tightened !== null) add(tightened ? 'bound_tightened' : 'bound_loosened', tightened, key);
  }
  const rejectsBefore = (a.onFail?.action ?? 'reject') === 'reject';
  const rejectsAfter = (b.onFail?.action ?? 'reject') === 'reject';
  if (rejectsBefore !== rejectsAfter)
    add(rejectsAfter ? 'on_fail_tightened' : 'on_fail_loosened', rejectsAfter);
  for (const key of METADATA) if (a[key] !== b[key]) add('metadata_changed', false, key);
  return changes;
}

/**
 * Classifies the change between two versions of an edge contract, field by field (matched by
 * name). Breaking: a record the old contract let through may now stop, or a field a consumer
 * relied on is gone. A null contract is one with no fields.
 */
export function classifyContractChange(
  before: Contract | null,
  after: Contract | null,
): ContractChangeReport {
  const a = before ?? NO_FIELDS;
  const b = after ?? NO_FIELDS;
  const beforeByName = new Map(a.fields.map((f) => [f.name, f]));
  const afterNames = new Set(b.fields.map((f) => f.name));
  const changes: ContractChange[] = [];
  for (const field of a.fields) {
    if (!afterNames.has(field.name))
      changes.push({ field: field.name, change: 'field_removed', breaking: true });
  }
  for (const field of b.fields) {
    const old = beforeByName.get(field.name);
    if (!old) changes.push({ field: field.name, change: 'field_added', breaking: field.required });
    else changes.push(...compareField(old, field));
  }
  if (a.extraFields !== b.extraFields) {
    const tightened = b.extraFields === 'reject';
    changes.push({
      field: null,
      change: tightened ? 'extra_fields_tightened' : 'extra_fields_loosened',
      breaking: tightened,
    });
  }
  return { breaking: changes.some((c) => c.breaking), changes };
}
