import type { Transform } from '@baton/nodes';
import { CheckboxField, ParsedTextField, SelectField, TextField } from './form-fields';
import { EnumTableEditor } from '../mapper/enum-table-editor';
import { DateFormatPicker } from '../mapper/date-format-picker';

export const TRANSFORM_OPS: readonly { op: Transform['op']; label: string }[] = [
  { op: 'trim', label: 'Trim spaces' },
  { op: 'lower', label: 'Lower case' },
  { op: 'upper', label: 'Upper case' },
  { op: 'enumMap', label: 'Map values' },
  { op: 'number', label: 'Parse number' },
  { op: 'date', label: 'Parse date' },
  { op: 'default', label: 'Default when missing' },
  { op: 'constant', label: 'Constant' },
];

export function newTransform(op: Transform['op']): Transform {
  switch (op) {
    case 'trim':
    case 'lower':
    case 'upper':
      return { op };
    case 'enumMap':
      return { op, map: {}, caseInsensitive: true };
    case 'number':
      return { op, decimalSeparator: '.' };
    case 'date':
      return { op, formats: ['YYYY-MM-DD'] };
    case 'default':
    case 'constant':
      return { op, value: '' };
  }
}

export interface TransformEditorProps {
  transform: Transform;
  label: string;
  /** `coalesce` names the setting being typed into, so a typed word is one undo entry. */
  onChange: (transform: Transform, coalesce?: string) => void;
  onRemove: () => void;
  /** The sample value reaching this transform (after the ones before it), for live previews. */
  sampleValue?: unknown;
}

/** One transform of a field mapping: a chip for parameterless ops, a small form for the rest. */
export function TransformEditor({ transform, label, onChange, onRemove, sampleValue }: TransformEditorProps) {
  const title = TRANSFORM_OPS.find((o) => o.op === transform.op)?.label ?? transform.op;
  return (
    <div className="transform" role="group" aria-label={label}>
      <div className="transform-head">
        <span className="transform-op">{title}</span>
        <button
          type="button"
          className="btn btn-sm btn-ghost btn-icon"
          aria-label={`Remove ${label}`}
          onClick={onRemove}
        >
          ✕
        </button>
      </div>
      <TransformParams transform={transform} onChange={onChange} sampleValue={sampleValue} />
    </div>
  );
}

function TransformParams({
  transform,
  onChange,
  sampleValue,
}: Pick<TransformEditorProps, 'transform' | 'onChange' | 'sampleValue'>) {
  switch (transform.op) {
    case 'trim':
    case 'lower':
    case 'upper':
      return null;
    case 'enumMap':
      return (
        <div className="transform-params">
          <EnumTableEditor
            label="Value table"
            map={transform.map}
            onChange={(map, coalesce) => onChange({ ...transform, map }, coalesce ?? 'map')}
          />
          <TextField
            label="Otherwise"
            compact
            mono
            value={transform.default ?? ''}
            placeholder="(leave unchanged)"
            onChange={(value) => {
              const { default: _omit, ...rest } = transform;
              onChange(value ? { ...rest, default: value } : rest, 'default');
            }}
          />
          <CheckboxField
            label="Ignore case"
            checked={transform.caseInsensitive ?? false}
            onChange={(caseInsensitive) => onChange({ ...transform, caseInsensitive })}
          />
        </div>
      );
    case 'number':
      return (
        <div className="transform-params three">
          <SelectField
            label="Decimal"
            compact
            value={transform.decimalSeparator}
            options={[
              { value: '.', label: '1,234.5' },
              { value: ',', label: '1.234,5' },
            ]}
            onChange={(decimalSeparator) => onChange({ ...transform, decimalSeparator })}
          />
          <ParsedTextField
            label="Multiply by"
            compact
            value={transform.multiplyBy}
            format={numberText}
            parse={(t) => parseNumber(t)}
            onChange={(multiplyBy) =>
              onChange(withOptional(transform, 'multiplyBy', multiplyBy), 'multiplyBy')
            }
          />
          <ParsedTextField
            label="Round to"
            compact
            value={transform.round}
            format={numberText}
            parse={(t) => parseNumber(t, true)}
            onChange={(round) => onChange(withOptional(transform, 'round', round), 'round')}
          />
        </div>
      );
    case 'date':
      return (
        <div className="transform-params">
          <DateFormatPicker
            formats={transform.formats}
            sampleValue={sampleValue}
            // The schema needs at least one format; the picker and the compiler say so if all are cleared.
            onChange={(formats) => onChange({ ...transform, formats })}
          />
        </div>
      );
    case 'default':
    case 'constant':
      return (
        <div className="transform-params">
          <ParsedTextField
            label="Value (JSON or text)"
            compact
            value={transform.value}
            format={(v) => (typeof v === 'string' ? v : JSON.stringify(v))}
            parse={parseLooseJson}
            onChange={(value) => onChange({ ...transform, value }, 'value')}
          />
        </div>
      );
  }
}

/** Numbers, booleans, null and JSON literals become values; anything else stays text. */
export function parseLooseJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (/^(-?\d+(\.\d+)?|true|false|null|\{.*\}|\[.*\]|".*")$/s.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function numberText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

export function parseNumber(text: string, integer = false): number | undefined {
  if (text.trim() === '') return undefined;
  const n = integer ? Number.parseInt(text, 10) : Number(text);
  return Number.isNaN(n) ? undefined : n;
}

/** Sets an optional member, or removes it for `undefined` (exact optional properties). */
function withOptional<T extends object>(target: T, key: string, value: unknown): T {
  const copy = { ...target } as Record<string, unknown>;
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy as T;
}
