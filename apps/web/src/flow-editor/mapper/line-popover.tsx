import { useEffect, useRef } from 'react';
import { applyTransforms, type FieldMapping, type Transform } from '@baton/nodes';
import { TransformEditor, TRANSFORM_OPS, newTransform } from '../inspector/transform-editor';
import { removeAt, replaceAt } from '../inspector/use-node-config';
import { ExpressionEditor } from './expression-editor';
import { formatValue } from './format-value';
import type { PreviewRow } from './mapping-preview';
import './mapper-popover.css';

export interface LinePopoverProps {
  nodeId: string;
  field: FieldMapping;
  sources: readonly string[];
  preview: PreviewRow | undefined;
  /** Where the popover points (the line's middle), relative to the mapper; it keeps itself inside. */
  at: { x: number; y: number };
  bounds: { width: number };
  onChange: (field: FieldMapping, coalesce?: string) => void;
  onDelete: () => void;
  onClose: () => void;
}

const WIDTH = 360;

/** Settings of one line: its transforms in order, or a JSONata expression; and the sample result. */
export function LinePopover(props: LinePopoverProps) {
  const { nodeId, field, sources, preview, at, bounds, onChange, onDelete, onClose } = props;
  const ref = useRef<HTMLDivElement>(null);
  const transforms = field.transforms ?? [];
  const isExpression = field.value?.kind === 'expression';
  const title = isExpression ? `ƒx → ${field.to}` : `${field.from ?? '—'} → ${field.to}`;

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button, input, select')?.focus();
  }, [field.to]);

  const width = Math.min(WIDTH, Math.max(240, bounds.width - 16));
  const left = Math.min(Math.max(8, at.x - width / 2), Math.max(8, bounds.width - width - 8));

  const setTransforms = (next: Transform[], coalesce?: string) =>
    onChange({ ...field, transforms: next }, coalesce);
  const toExpression = () => {
    const { from, value: _v, ...rest } = field;
    onChange({ ...rest, value: { kind: 'expression', source: from ? jsonataPath(from) : '' } });
  };
  const toField = () => {
    const { value: _v, ...rest } = field;
    const source = field.value?.kind === 'expression' ? field.value.source.trim() : '';
    // Back to a plain line: keep the expression's field when it was just one source name.
    onChange(sources.includes(source) ? { ...rest, from: source } : rest);
  };

  return (
    <div
      ref={ref}
      className="mapper-popover"
      role="dialog"
      aria-label={`Mapping of ${field.to}`}
      style={{ left, top: at.y + 16, width }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="mapper-popover-head">
        <h3 className="mono">{title}</h3>
        <button type="button" className="btn btn-sm btn-ghost btn-icon" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="mapper-segmented" role="radiogroup" aria-label="Value comes from">
        <button
          type="button"
          role="radio"
          aria-checked={!isExpression}
          onClick={isExpression ? toField : undefined}
        >
          Source field
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={isExpression}
          onClick={isExpression ? undefined : toExpression}
        >
          JSONata expression
        </button>
      </div>
      {field.value?.kind === 'expression' ? (
        <ExpressionEditor
          value={field.value.source}
          fields={sources}
          modelKey={`${nodeId}/${field.to}`}
          ariaLabel={`Expression for ${field.to}`}
          onChange={(source) => onChange({ ...field, value: { kind: 'expression', source } }, 'expression')}
        />
      ) : null}
      <div className="mapper-popover-section">
        <div className="mapper-popover-label">Transforms, applied in order</div>
        {transforms.length === 0 ? (
          <p className="mapper-popover-empty">None: the value is copied as it is.</p>
        ) : null}
        {transforms.map((transform, t) => (
          <TransformEditor
            key={`${t}-${transform.op}`}
            transform={transform}
            label={`Transform ${t + 1}`}
            sampleValue={preview ? applyTransforms(preview.input, transforms.slice(0, t)) : undefined}
            onChange={(next, coalesce) =>
              setTransforms(replaceAt(transforms, t, next), coalesce ? `t${t}.${coalesce}` : undefined)
            }
            onRemove={() => setTransforms(removeAt(transforms, t))}
          />
        ))}
        <div className="mapper-add-transforms" role="group" aria-label="Add a transform">
          {TRANSFORM_OPS.map((op) => (
            <button
              key={op.op}
              type="button"
              className="mapper-add-transform"
              onClick={() => setTransforms([...transforms, newTransform(op.op)])}
            >
              + {op.label}
            </button>
          ))}
        </div>
      </div>
      {preview ? (
        <div className={`mapper-popover-result${preview.error ? ' is-error' : ''}`} aria-label="Line preview">
          <code>{preview.inputLabel === 'expression' ? 'ƒx' : formatValue(preview.input)}</code>
          <span aria-hidden="true">→</span>
          {preview.error ? <span>{preview.error}</span> : <code>{formatValue(preview.result)}</code>}
        </div>
      ) : null}
      <footer className="mapper-popover-foot">
        <button type="button" className="btn btn-sm btn-danger" onClick={onDelete}>
          Delete line
        </button>
        <button type="button" className="btn btn-sm" onClick={onClose}>
          Done
        </button>
      </footer>
    </div>
  );
}

/** A dotted source path as JSONata: names bare when they can be (else in backticks), indexes in []. */
function jsonataPath(path: string): string {
  return path.split('.').reduce((out, part) => {
    if (/^\d+$/.test(part)) return `${out}[${part}]`;
    const name = /^[A-Za-z_]\w*$/.test(part) ? part : `\`${part}\``;
    return out ? `${out}.${name}` : name;
  }, '');
}
