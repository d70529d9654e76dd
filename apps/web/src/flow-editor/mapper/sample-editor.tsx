import { useId } from 'react';

interface SampleEditorProps {
  text: string;
  error: string | null;
  onChange: (text: string) => void;
  onReset: () => void;
}

/** A pasted sample record: its keys become source fields and the preview runs on it. */
export function SampleEditor({ text, error, onChange, onReset }: SampleEditorProps) {
  const id = useId();
  return (
    <section className="mapper-sample" aria-label="Sample record">
      <div className="mapper-section-head">
        <label htmlFor={id}>
          <h3>Sample record</h3>
        </label>
        <button type="button" className="btn btn-sm btn-ghost" onClick={onReset}>
          Use the test-run sample
        </button>
      </div>
      <textarea
        id={id}
        className={`textarea mono mapper-sample-text${error ? ' is-invalid' : ''}`}
        value={text}
        rows={8}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p className="field-hint is-error" role="alert">
          {error}
        </p>
      ) : (
        <p className="field-hint">Paste a JSON record as the source system sends it; nothing is saved.</p>
      )}
    </section>
  );
}
