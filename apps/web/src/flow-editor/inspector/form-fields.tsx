import { useId, useState, type ReactNode } from 'react';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  mono?: boolean;
  multiline?: boolean;
  hint?: ReactNode;
  compact?: boolean;
}

export function TextField({
  label,
  value,
  onChange,
  placeholder,
  mono,
  multiline,
  hint,
  compact,
}: TextFieldProps) {
  const id = useId();
  const className = `${multiline ? 'textarea' : 'input'}${mono ? ' mono' : ''}${compact ? ' input-sm' : ''}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          className={className}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          rows={2}
          spellCheck={false}
        />
      ) : (
        <input
          id={id}
          className={className}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
      )}
      {hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

export interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string; disabled?: boolean }[];
  onChange: (value: V) => void;
  compact?: boolean;
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  compact,
}: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className={`select${compact ? ' input-sm' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface ParsedTextFieldProps<T> {
  label: string;
  value: T;
  format: (value: T) => string;
  parse: (text: string) => T;
  onChange: (value: T) => void;
  placeholder?: string;
  hint?: ReactNode;
  compact?: boolean;
  multiline?: boolean;
}

/**
 * A text box over a structured value (a list, a map, a number). The text is kept locally while
 * typing, so "a, " or "1." does not snap back to "a" or "1" when the parsed value is written to
 * the store; it resyncs only when the stored value changes to something the text does not mean.
 */
export function ParsedTextField<T>({
  label,
  value,
  format,
  parse,
  onChange,
  placeholder,
  hint,
  compact,
  multiline,
}: ParsedTextFieldProps<T>) {
  const id = useId();
  const formatted = format(value);
  const [text, setText] = useState(formatted);
  const [seen, setSeen] = useState(formatted);
  // The stored value changed (undo, another field): adopt it unless the text already means it.
  if (seen !== formatted) {
    setSeen(formatted);
    if (format(parse(text)) !== formatted) setText(formatted);
  }
  const className = `${multiline ? 'textarea' : 'input'} mono${compact ? ' input-sm' : ''}`;
  const handle = (next: string) => {
    setText(next);
    const parsed = parse(next);
    if (format(parsed) !== formatted) onChange(parsed);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          className={className}
          value={text}
          placeholder={placeholder}
          spellCheck={false}
          rows={3}
          onChange={(e) => handle(e.target.value)}
        />
      ) : (
        <input
          id={id}
          className={className}
          value={text}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => handle(e.target.value)}
        />
      )}
      {hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

export interface ListFieldProps {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  hint?: ReactNode;
  compact?: boolean;
}

/** A comma-separated list of names. */
export function ListField({ values, ...props }: ListFieldProps) {
  return (
    <ParsedTextField<readonly string[]>
      {...props}
      value={values}
      format={(v) => v.join(', ')}
      parse={parseList}
      onChange={(v) => props.onChange([...v])}
    />
  );
}

export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function CheckboxField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="checkbox-field">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function Section({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="inspector-section" aria-label={title}>
      <header className="inspector-section-head">
        <h3>{title}</h3>
        {actions}
      </header>
      {children}
    </section>
  );
}
