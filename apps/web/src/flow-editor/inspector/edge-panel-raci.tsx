import { useState } from 'react';
import { emptyRaci, RACI_ROW_IDS, type Raci, type RaciRow } from '@baton/schema';
import type { Owner } from '../../owners/owners-api';
import { Section } from './form-fields';
import { OwnerChips } from './owner-picker';
import { removeAt, replaceAt } from './use-node-config';

const ROLES = [
  { key: 'responsible', letter: 'R', label: 'Responsible' },
  { key: 'accountable', letter: 'A', label: 'Accountable' },
  { key: 'consulted', letter: 'C', label: 'Consulted' },
  { key: 'informed', letter: 'I', label: 'Informed' },
] as const;

const BUILT_IN = new Set<string>(RACI_ROW_IDS);

/** A row id from its label: stable, unique within the table, never shown. */
function rowId(label: string, rows: readonly RaciRow[]): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'row';
  let id = base;
  for (let n = 2; rows.some((r) => r.id === id); n++) id = `${base}-${n}`;
  return id;
}

export interface RaciEditorProps {
  raci: Raci | null;
  owners: readonly Owner[] | null;
  onChange: (raci: Raci | null, coalesce?: string) => void;
}

/** The RACI matrix: one row per concern, R/A/C/I cells of owners; exactly one A per row. */
export function RaciEditor({ raci, owners, onChange }: RaciEditorProps) {
  const [newLabel, setNewLabel] = useState('');
  if (!raci) {
    return (
      <div className="inspector-empty-block">
        <p className="inspector-empty">
          No RACI yet: who is Responsible, Accountable, Consulted and Informed for this hand-off.
        </p>
        <button type="button" className="btn btn-sm" onClick={() => onChange(emptyRaci())}>
          Add RACI table
        </button>
      </div>
    );
  }
  const addRow = () => {
    const label = newLabel.trim();
    if (!label) return;
    onChange({
      rows: [
        ...raci.rows,
        { id: rowId(label, raci.rows), label, responsible: [], accountable: [], consulted: [], informed: [] },
      ],
    });
    setNewLabel('');
  };
  return (
    <Section title="Who does what">
      <div className="raci-matrix" role="table" aria-label="RACI matrix">
        {raci.rows.map((row, index) => {
          const problem = row.accountable.length !== 1;
          return (
            <div
              key={row.id}
              className={`raci-row ${problem ? 'has-warning' : ''}`}
              role="row"
              aria-label={`RACI ${row.label}`}
            >
              <div className="raci-concern" role="rowheader">
                <strong>{row.label}</strong>
                {BUILT_IN.has(row.id) ? null : (
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost btn-danger"
                    aria-label={`Remove RACI row ${row.label}`}
                    onClick={() => onChange({ rows: removeAt(raci.rows, index) })}
                  >
                    ×
                  </button>
                )}
                {problem ? (
                  <span className="raci-warning">
                    {row.accountable.length === 0 ? 'needs an A' : 'only one A'}
                  </span>
                ) : null}
              </div>
              {ROLES.map((role) => (
                <div key={role.key} role="cell" className="raci-cell">
                  <span className="raci-letter" title={role.label}>
                    {role.letter}
                  </span>
                  <OwnerChips
                    label={`${row.label} ${role.letter}`}
                    values={row[role.key]}
                    owners={owners}
                    single={role.key === 'accountable'}
                    onChange={(values) =>
                      onChange({ rows: replaceAt(raci.rows, index, { ...row, [role.key]: values }) })
                    }
                  />
                </div>
              ))}
            </div>
          );
        })}
      </div>
      <div className="raci-add">
        <input
          className="input input-sm"
          aria-label="New RACI row"
          placeholder="Add a concern, e.g. Privacy"
          value={newLabel}
          onChange={(e) => setNewLabel(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') addRow();
          }}
        />
        <button type="button" className="btn btn-sm" onClick={addRow} disabled={!newLabel.trim()}>
          + Add row
        </button>
      </div>
    </Section>
  );
}
