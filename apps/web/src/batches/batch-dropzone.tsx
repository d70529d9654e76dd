import { useRef, useState, type DragEvent } from 'react';
import { batchMediaType } from './batches-api';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** Drag a file here or pick one; only .csv and .jsonl/.ndjson are taken. */
export function BatchDropzone({
  file,
  disabled,
  onFile,
}: {
  file: File | null;
  disabled: boolean;
  onFile: (file: File | null, problem: string | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (picked: File | undefined) => {
    if (!picked) return;
    onFile(
      batchMediaType(picked.name) ? picked : null,
      batchMediaType(picked.name) ? null : `"${picked.name}" is not a .csv or .jsonl file`,
    );
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) take(event.dataTransfer.files[0]);
  };
  return (
    <div
      className={`batch-dropzone${over ? ' is-over' : ''}${disabled ? ' is-disabled' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="batch-dropzone"
    >
      <div className="batch-dropzone-icon" aria-hidden="true">
        ⇪
      </div>
      {file ? (
        <p>
          <strong>{file.name}</strong> <span className="muted">· {size(file.size)}</span>
        </p>
      ) : (
        <p>Drop a CSV (with a header row) or JSON Lines file here</p>
      )}
      <button type="button" className="btn btn-sm" disabled={disabled} onClick={() => input.current?.click()}>
        {file ? 'Pick another file' : 'Choose a file'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
        aria-label="Batch file"
        hidden
        onChange={(e) => {
          take(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </div>
  );
}
