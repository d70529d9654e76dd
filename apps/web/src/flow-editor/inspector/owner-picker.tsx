import { useId } from 'react';
import type { Owner } from '../../owners/owners-api';

export interface OwnerSelectProps {
  label: string;
  value: string | undefined;
  owners: readonly Owner[] | null;
  onChange: (ownerId: string | undefined) => void;
  compact?: boolean;
}

/** One owner from the directory (or none). An id the directory does not know stays visible. */
export function OwnerSelect({ label, value, owners, onChange, compact }: OwnerSelectProps) {
  const id = useId();
  const known = owners?.some((o) => o.id === value) ?? false;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className={`select${compact ? ' input-sm' : ''}`}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">— no owner —</option>
        {value && !known ? <option value={value}>{value} (not in directory)</option> : null}
        {(owners ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} ({o.id})
          </option>
        ))}
      </select>
    </div>
  );
}

export interface OwnerChipsProps {
  /** Names the cell for assistive tech and tests, e.g. "Data quality R". */
  label: string;
  values: readonly string[];
  owners: readonly Owner[] | null;
  onChange: (values: string[]) => void;
  /** At most one owner (the A column). */
  single?: boolean;
}

/** Several owners as removable chips plus an "add" select: a RACI cell. Keyboard: Tab to the select, arrows, Enter. */
export function OwnerChips({ label, values, owners, onChange, single }: OwnerChipsProps) {
  const name = (id: string) => owners?.find((o) => o.id === id)?.name ?? id;
  const addable = (owners ?? []).filter((o) => !values.includes(o.id));
  const full = single === true && values.length >= 1;
  return (
    <div className="owner-chips" role="group" aria-label={label}>
      {values.map((id) => (
        <span key={id} className="owner-chip" title={id}>
          {name(id)}
          <button
            type="button"
            className="owner-chip-remove"
            aria-label={`Remove ${id} from ${label}`}
            onClick={() => onChange(values.filter((v) => v !== id))}
          >
            ×
          </button>
        </span>
      ))}
      {full ? null : (
        <select
          className="select input-sm owner-chip-add"
          aria-label={`Add owner to ${label}`}
          value=""
          onChange={(e) => {
            if (e.target.value) onChange([...values, e.target.value]);
          }}
        >
          <option value="">+ add</option>
          {addable.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
