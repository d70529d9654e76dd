import { DATE_FORMATS, parseDate, type DateFormat } from '@baton/nodes';
import './mapper-popover.css';

/** 15 March 2026 written in each format, so a person picks by recognising their data. */
const EXAMPLES: Record<DateFormat, string> = {
  'YYYY-MM-DD': '2026-03-15',
  'M/D/YYYY': '3/15/2026',
  'D/M/YYYY': '15/3/2026',
  'D.M.YYYY': '15.3.2026',
  YYYYMMDD: '20260315',
  ISO8601: '2026-03-15T09:30:00Z',
};

export interface DateFormatPickerProps {
  formats: readonly DateFormat[];
  onChange: (formats: DateFormat[]) => void;
  /** The value reaching this transform in the sample record, for the live preview. */
  sampleValue?: unknown;
}

/** Accepted input formats, tried in order, with the sample parsed live by the runtime's parser. */
export function DateFormatPicker({ formats, onChange, sampleValue }: DateFormatPickerProps) {
  return (
    <div className="date-picker">
      <div className="date-formats" role="group" aria-label="Accepted formats">
        {DATE_FORMATS.map((format) => {
          const on = formats.includes(format);
          return (
            <label key={format} className={`date-format${on ? ' is-on' : ''}`}>
              <input
                type="checkbox"
                checked={on}
                onChange={(e) =>
                  // Keeps the order the user ticked them in: the first matching format wins.
                  onChange(e.target.checked ? [...formats, format] : formats.filter((f) => f !== format))
                }
              />
              <span className="mono date-format-name">{format}</span>
              <span className="date-format-example">{EXAMPLES[format]}</span>
            </label>
          );
        })}
      </div>
      {formats.length === 0 ? <p className="date-preview is-error">Pick at least one format.</p> : null}
      {sampleValue !== undefined && formats.length > 0 ? (
        <DatePreview value={sampleValue} formats={formats} />
      ) : null}
    </div>
  );
}

function DatePreview({ value, formats }: { value: unknown; formats: readonly DateFormat[] }) {
  if (typeof value !== 'string') {
    return (
      <p className="date-preview" aria-label="Date preview">
        Sample value <code>{JSON.stringify(value) ?? 'missing'}</code> is not text: passed on unchanged.
      </p>
    );
  }
  const parsed = parseDate(value.trim(), formats);
  return (
    <p className={`date-preview${parsed ? ' is-ok' : ' is-error'}`} aria-label="Date preview">
      <code>{JSON.stringify(value)}</code> →{' '}
      {parsed ? <strong className="mono">{parsed}</strong> : <span>not recognised, passed on unchanged</span>}
    </p>
  );
}
