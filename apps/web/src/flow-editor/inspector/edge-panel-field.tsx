import type { ReactNode } from 'react';
import { FIELD_KINDS, type Classification, type ContractField, type FieldKind } from '@baton/schema';
import type { Owner } from '../../owners/owners-api';
import { CheckboxField, ListField, ParsedTextField, SelectField, TextField } from './form-fields';
import { OwnerSelect } from './owner-picker';

/** Sets an optional attribute, or removes it for `undefined` / empty text (exactOptionalPropertyTypes). */
export function withAttr<K extends keyof ContractField>(
  field: ContractField,
  key: K,
  value: ContractField[K] | undefined,
): ContractField {
  const next = { ...field };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
}

const optionalNumber = {
  format: (v: number | undefined) => (v === undefined ? '' : String(v)),
  parse: (t: string) => (t.trim() === '' || Number.isNaN(Number(t)) ? undefined : Number(t)),
};

/** Allowed values are typed like the field: numbers for numeric fields, true/false for booleans. */
function parseAllowed(values: string[], kind: FieldKind): Array<string | number | boolean> {
  if (kind === 'integer' || kind === 'number')
    return values.map((v) => (Number.isNaN(Number(v)) ? v : Number(v)));
  if (kind === 'boolean') return values.map((v) => (v === 'true' ? true : v === 'false' ? false : v));
  return values;
}

export type FieldAccess = 'full' | 'rules' | 'none';

/** A fieldset that adds no box: disables what it wraps without changing the layout. */
function Lock({ off, children }: { off: boolean; children: ReactNode }) {
  return (
    <fieldset disabled={off} className="fieldset-contents">
      {children}
    </fieldset>
  );
}

export interface ContractFieldCardProps {
  field: ContractField;
  index: number;
  count: number;
  owners: readonly Owner[] | null;
  expanded: boolean;
  onToggle: () => void;
  onChange: (field: ContractField, coalesce?: string) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  /**
   * What the viewer may change: everything (analysts), only the rules (the field's owner), or
   * nothing (another owner's field). The server enforces the same on save.
   */
  access: FieldAccess;
}

/** One field of the contract: name, type and required always visible, every other attribute on expand. */
export function ContractFieldCard({
  field,
  index,
  count,
  owners,
  expanded,
  onToggle,
  onChange,
  onMove,
  onRemove,
  access,
}: ContractFieldCardProps) {
  const title = field.name || `field ${index + 1}`;
  const set = <K extends keyof ContractField>(
    key: K,
    value: ContractField[K] | undefined,
    coalesce?: string,
  ) => onChange(withAttr(field, key, value), coalesce);
  const numeric = field.type === 'integer' || field.type === 'number';
  const onFail = field.onFail?.action ?? 'reject';
  return (
    <div className="contract-field" role="listitem" aria-label={`Contract field ${title}`}>
      <Lock off={access !== 'full'}>
        <TextField
          label="Name"
          compact
          mono
          value={field.name}
          onChange={(name) => onChange({ ...field, name }, `field.${index}.name`)}
        />
        <SelectField<FieldKind>
          label="Type"
          compact
          value={field.type}
          options={FIELD_KINDS.map((k) => ({ value: k, label: k }))}
          onChange={(type) => onChange({ ...field, type })}
        />
      </Lock>
      <div className="contract-field-foot">
        <Lock off={access === 'none'}>
          <CheckboxField
            label="Required"
            checked={field.required}
            onChange={(required) => onChange({ ...field, required })}
          />
        </Lock>
        <div className="contract-field-actions">
          <Lock off={access !== 'full'}>
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              aria-label={`Move ${title} up`}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              aria-label={`Move ${title} down`}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              ↓
            </button>
          </Lock>
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Hide' : 'Show'} details of ${title}`}
            onClick={onToggle}
          >
            {expanded ? 'Less' : 'More'}
          </button>
          <Lock off={access !== 'full'}>
            <button
              type="button"
              className="btn btn-sm btn-ghost btn-danger"
              aria-label={`Remove contract field ${title}`}
              onClick={onRemove}
            >
              Remove
            </button>
          </Lock>
        </div>
      </div>
      {!expanded && (field.owner || field.classification || field.pattern) ? (
        <div className="contract-field-meta">
          {field.owner ? <span className="badge badge-plain">owner {field.owner}</span> : null}
          {field.classification ? <span className="badge badge-plain">{field.classification}</span> : null}
          {field.pattern ? <code>{field.pattern}</code> : null}
        </div>
      ) : null}
      {expanded ? (
        <div className="contract-field-details">
          <Lock off={access !== 'full'}>
            <OwnerSelect
              label="Owner"
              compact
              value={field.owner}
              owners={owners}
              onChange={(owner) => set('owner', owner)}
            />
          </Lock>
          <Lock off={access !== 'full'}>
            <SelectField<Classification | ''>
              label="Classification"
              compact
              value={field.classification ?? ''}
              options={[
                { value: '', label: '— unclassified —' },
                { value: 'public', label: 'public' },
                { value: 'internal', label: 'internal' },
                { value: 'pii', label: 'pii (masked in traces)' },
              ]}
              onChange={(c) => set('classification', c === '' ? undefined : c)}
            />
          </Lock>
          <Lock off={access === 'none'}>
            <ListField
              label="Allowed values"
              compact
              values={(field.allowed ?? []).map(String)}
              onChange={(values) =>
                set(
                  'allowed',
                  values.length ? parseAllowed(values, field.type) : undefined,
                  `field.${index}.allowed`,
                )
              }
              placeholder="gold, silver"
            />
          </Lock>
          <Lock off={access === 'none'}>
            <TextField
              label="Pattern (regex)"
              compact
              mono
              value={field.pattern ?? ''}
              onChange={(p) => set('pattern', p, `field.${index}.pattern`)}
              placeholder="^SO-\d{5}$"
            />
          </Lock>
          <Lock off={access === 'none'}>
            <div className="row-card-grid two-even">
              <ParsedTextField<number | undefined>
                label={numeric ? 'Min' : 'Min length'}
                compact
                value={numeric ? field.min : field.minLength}
                {...optionalNumber}
                onChange={(v) => set(numeric ? 'min' : 'minLength', v)}
              />
              <ParsedTextField<number | undefined>
                label={numeric ? 'Max' : 'Max length'}
                compact
                value={numeric ? field.max : field.maxLength}
                {...optionalNumber}
                onChange={(v) => set(numeric ? 'max' : 'maxLength', v)}
              />
            </div>
          </Lock>
          <Lock off={access === 'none'}>
            <TextField
              label="Description"
              compact
              value={field.description ?? ''}
              onChange={(d) => set('description', d, `field.${index}.description`)}
            />
          </Lock>
          <Lock off={access !== 'full'}>
            <TextField
              label="Source of truth (system.field)"
              compact
              mono
              value={field.sourceOfTruth ?? ''}
              onChange={(s) => set('sourceOfTruth', s, `field.${index}.sot`)}
              placeholder="crm.order_id"
            />
          </Lock>
          <Lock off={access === 'none'}>
            <SelectField<'reject' | 'flag'>
              label="On fail"
              compact
              value={onFail}
              options={[
                { value: 'reject', label: 'Reject the record' },
                { value: 'flag', label: 'Flag it (accept, follow-up for the owner)' },
              ]}
              onChange={(action) =>
                set(
                  'onFail',
                  action === 'reject'
                    ? { action, message: field.onFail?.message ?? '' }
                    : { action, ...(field.onFail?.message ? { message: field.onFail.message } : {}) },
                )
              }
            />
          </Lock>
          <Lock off={access === 'none'}>
            <TextField
              label="Failure message"
              compact
              value={field.onFail?.message ?? ''}
              onChange={(message) =>
                set(
                  'onFail',
                  onFail === 'reject'
                    ? { action: 'reject', message }
                    : { action: 'flag', ...(message ? { message } : {}) },
                  `field.${index}.message`,
                )
              }
            />
          </Lock>
          <Lock off={access !== 'full'}>
            <CheckboxField
              label="Entry timestamp (Time-to-Value starts here)"
              checked={field.entryTimestamp === true}
              onChange={(on) => set('entryTimestamp', on ? true : undefined)}
            />
          </Lock>
        </div>
      ) : null}
    </div>
  );
}
