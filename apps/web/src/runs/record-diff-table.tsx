import { diffRecords, showValue, type RowChange } from './record-diff';

const CHANGE_LABEL: Record<RowChange, string> = {
  same: '',
  added: 'added',
  removed: 'removed',
  changed: 'changed',
};

export interface RecordDiffTableProps {
  /** Column titles, e.g. Input / Output, or Original / What-if. */
  labels: [string, string];
  before: unknown;
  after: unknown;
  /** Fields a check failed or flagged on: highlighted whatever their change. */
  failing?: ReadonlySet<string>;
  ariaLabel: string;
}

/** Two records side by side, one row per field, changed values marked. */
export function RecordDiffTable({ labels, before, after, failing, ariaLabel }: RecordDiffTableProps) {
  const rows = diffRecords(before, after);
  if (rows.length === 0) return <div className="checks-empty">No record at this step.</div>;
  return (
    <table className="table record-diff" aria-label={ariaLabel}>
      <thead>
        <tr>
          <th>Field</th>
          <th>{labels[0]}</th>
          <th>{labels[1]}</th>
          <th aria-label="Change" />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const isFailing = failing?.has(row.path) ?? false;
          return (
            <tr
              key={row.path}
              className={`rdiff-${row.change} ${isFailing ? 'is-failing' : ''}`}
              data-field={row.path}
              data-change={row.change}
              data-failing={isFailing || undefined}
            >
              <th scope="row" className="mono">
                {row.path || '(value)'}
              </th>
              <td className="mono rdiff-before">{showValue(row.before)}</td>
              <td className="mono rdiff-after">{showValue(row.after)}</td>
              <td className="rdiff-change">
                {isFailing ? <span className="rdiff-chip is-failing">failing</span> : null}
                {CHANGE_LABEL[row.change] ? (
                  <span className={`rdiff-chip rdiff-${row.change}`}>{CHANGE_LABEL[row.change]}</span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
