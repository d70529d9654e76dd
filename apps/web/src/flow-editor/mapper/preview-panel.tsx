import type { MappingPreview, PreviewRow } from './mapping-preview';
import { formatValue } from './format-value';
import './mapper-side.css';

interface PreviewPanelProps {
  preview: MappingPreview | null;
  sampleError: string | null;
  active: string | null;
  onOpen: (to: string) => void;
}

/** The sample record through the mapping, field by field: what it reads, what it produces. */
export function PreviewPanel({ preview, sampleError, active, onOpen }: PreviewPanelProps) {
  return (
    <section className="mapper-preview" aria-label="Mapping preview">
      <div className="mapper-section-head">
        <h3>Preview</h3>
        {preview?.error ? <span className="badge badge-danger">Run fails</span> : null}
        {preview && !preview.error && preview.fields.length > 0 ? (
          <span className="badge badge-success">Same code as the runtime</span>
        ) : null}
      </div>
      {sampleError ? (
        <p className="mapper-preview-empty is-error">The sample is not usable: {sampleError}</p>
      ) : !preview ? (
        <p className="mapper-preview-empty">Computing…</p>
      ) : preview.fields.length + preview.computed.length === 0 ? (
        <p className="mapper-preview-empty">Draw a line to see the sample record mapped here.</p>
      ) : (
        <table className="mapper-preview-table">
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Sample value</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {preview.fields.map((row) => (
              <Row key={`f-${row.to}`} row={row} active={active === row.to} onOpen={onOpen} />
            ))}
            {preview.computed.map((row) => (
              <Row key={`c-${row.to}`} row={row} active={false} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Row({ row, active, onOpen }: { row: PreviewRow; active: boolean; onOpen?: (to: string) => void }) {
  const missing = !row.error && row.result === undefined;
  return (
    <tr
      className={`${row.error ? 'is-error' : ''}${active ? ' is-active' : ''}`}
      data-preview-field={row.to}
      aria-label={`Preview of ${row.to}`}
    >
      <th scope="row">
        {onOpen ? (
          <button type="button" className="mapper-link mono" onClick={() => onOpen(row.to)}>
            {row.to}
          </button>
        ) : (
          <span className="mono">{row.to}</span>
        )}
        <span className="mapper-preview-from">{row.inputLabel}</span>
      </th>
      <td className="mono mapper-preview-in">
        {row.inputLabel === 'expression' ? 'ƒx' : formatValue(row.input)}
      </td>
      <td className="mono mapper-preview-out">
        {row.error ? (
          <span className="mapper-preview-error" role="note">
            {row.error}
          </span>
        ) : missing ? (
          <span className="faint">left out</span>
        ) : (
          formatValue(row.result)
        )}
      </td>
    </tr>
  );
}
