import { useState } from 'react';
import './mapper-popover.css';

export interface EnumTableEditorProps {
  map: Readonly<Record<string, string>>;
  onChange: (map: Record<string, string>, coalesce?: string) => void;
  /** Prefix of the inputs' accessible names, e.g. "Tier values". */
  label: string;
}

type Row = [from: string, to: string];

/**
 * The from → to table of an enum map. Rows live in local state so a half-typed row (no "from"
 * yet) survives; the map sent up holds the complete rows. An outside change of the map (undo)
 * replaces the rows.
 */
export function EnumTableEditor({ map, onChange, label }: EnumTableEditorProps) {
  const [rows, setRows] = useState<Row[]>(() => Object.entries(map));
  const mapKey = JSON.stringify(map);

  // An outside change of the map (undo, redo) replaces the rows; the map sent up by this editor
  // itself matches its rows and leaves a half-typed row alone. Adjusting state during render is
  // React's pattern for state derived from a prop.
  const [syncedKey, setSyncedKey] = useState(mapKey);
  if (syncedKey !== mapKey) {
    setSyncedKey(mapKey);
    if (JSON.stringify(toMap(rows)) !== mapKey) setRows(Object.entries(map));
  }

  const update = (next: Row[], coalesce?: string) => {
    setRows(next);
    const nextMap = toMap(next);
    if (JSON.stringify(nextMap) !== mapKey) onChange(nextMap, coalesce);
  };

  return (
    <div className="enum-table" role="group" aria-label={label}>
      <div className="enum-table-head" aria-hidden="true">
        <span>From</span>
        <span />
        <span>To</span>
        <span />
      </div>
      {rows.length === 0 ? (
        <p className="enum-table-empty">No values yet: add the source values to translate.</p>
      ) : null}
      {rows.map(([from, to], i) => (
        <div className="enum-table-row" key={i}>
          <input
            className="input input-sm mono"
            aria-label={`Value ${i + 1} from`}
            value={from}
            placeholder="gold"
            spellCheck={false}
            onChange={(e) => update(replace(rows, i, [e.target.value, to]), `enum.${i}.from`)}
          />
          <span className="enum-table-arrow" aria-hidden="true">
            →
          </span>
          <input
            className="input input-sm mono"
            aria-label={`Value ${i + 1} to`}
            value={to}
            placeholder="premium"
            spellCheck={false}
            onChange={(e) => update(replace(rows, i, [from, e.target.value]), `enum.${i}.to`)}
          />
          <button
            type="button"
            className="btn btn-sm btn-ghost btn-icon"
            aria-label={`Remove value ${i + 1}`}
            onClick={() => update(rows.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-sm enum-table-add"
        onClick={() => setRows([...rows, ['', '']])}
      >
        + Add value
      </button>
    </div>
  );
}

/** Complete rows only; a repeated "from" keeps its last row, as typing it twice would mean. */
function toMap(rows: readonly Row[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [from, to] of rows) if (from.trim() !== '') map[from.trim()] = to;
  return map;
}

function replace(rows: readonly Row[], index: number, row: Row): Row[] {
  return rows.map((r, i) => (i === index ? row : r));
}
