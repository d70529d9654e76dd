import type { PointerEvent as ReactPointerEvent } from 'react';
import type { MapperField, MapperFieldKind } from './mapper-fields';

const KIND_LABEL: Record<MapperFieldKind, string> = {
  string: 'text',
  integer: 'int',
  number: 'num',
  boolean: 'bool',
  date: 'date',
  datetime: 'time',
  enum: 'enum',
  object: 'obj',
  array: 'list',
  null: 'null',
  unknown: 'any',
};

const ORIGIN_HINT: Record<MapperField['origin'], string> = {
  contract: 'from the contract',
  sample: 'from the sample record',
  key: 'key field of the write target',
  mapped: 'used by the mapping',
};

export function KindBadge({ kind }: { kind: MapperFieldKind }) {
  return (
    <span className={`mapper-kind kind-${kind}`} title={kind}>
      {KIND_LABEL[kind]}
    </span>
  );
}

interface SourceColumnProps {
  fields: readonly MapperField[];
  mapped: ReadonlySet<string>;
  pending: string | null;
  rowRef: (name: string) => (el: HTMLElement | null) => void;
  onPointerDown: (name: string) => (event: ReactPointerEvent) => void;
  onSelect: (name: string) => void;
}

/** Left column: one button per source field; drag it onto a target, or press Enter then pick one. */
export function SourceColumn({
  fields,
  mapped,
  pending,
  rowRef,
  onPointerDown,
  onSelect,
}: SourceColumnProps) {
  return (
    <div className="mapper-column is-source" role="group" aria-label="Source fields">
      <div className="mapper-column-head">
        <span>Source</span>
        <span className="mapper-count">{fields.length}</span>
      </div>
      {fields.length === 0 ? (
        <p className="mapper-column-empty">
          No source fields yet. Agree a contract on the incoming connection or paste a sample record.
        </p>
      ) : null}
      {fields.map((field) => (
        <button
          key={field.name}
          type="button"
          ref={rowRef(field.name)}
          className={`mapper-field${mapped.has(field.name) ? ' is-mapped' : ''}${pending === field.name ? ' is-pending' : ''}`}
          data-mapper-source={field.name}
          aria-pressed={pending === field.name}
          aria-label={`Source ${field.name}`}
          title={`${field.name}: ${field.kind}, ${ORIGIN_HINT[field.origin]}`}
          onPointerDown={onPointerDown(field.name)}
          onClick={() => onSelect(field.name)}
        >
          <KindBadge kind={field.kind} />
          <span className="mapper-field-name">{field.name}</span>
          {field.required ? (
            <span className="mapper-req" aria-label="required">
              *
            </span>
          ) : null}
          <span className="mapper-port is-out" aria-hidden="true" />
        </button>
      ))}
    </div>
  );
}

interface TargetColumnProps {
  fields: readonly MapperField[];
  /** Per mapped target: how it is produced, shown as a chip. */
  produced: ReadonlyMap<string, 'path' | 'expression' | 'literal'>;
  pending: string | null;
  rowRef: (name: string) => (el: HTMLElement | null) => void;
  onPick: (name: string) => void;
  onAdd: (name: string) => void;
}

/** Right column: drop targets; a required field with no line is highlighted. */
export function TargetColumn({ fields, produced, pending, rowRef, onPick, onAdd }: TargetColumnProps) {
  return (
    <div className="mapper-column is-target" role="group" aria-label="Target fields">
      <div className="mapper-column-head">
        <span>Target</span>
        <span className="mapper-count">{fields.length}</span>
      </div>
      {fields.map((field) => {
        const how = produced.get(field.name);
        const missing = field.required && how === undefined;
        return (
          <button
            key={field.name}
            type="button"
            ref={rowRef(field.name)}
            className={`mapper-field${how ? ' is-mapped' : ''}${missing ? ' is-missing' : ''}${pending ? ' is-droppable' : ''}`}
            data-mapper-target={field.name}
            aria-label={`Target ${field.name}${missing ? ', required, not mapped' : ''}`}
            title={`${field.name}: ${field.kind}, ${ORIGIN_HINT[field.origin]}`}
            onClick={() => onPick(field.name)}
          >
            <span className="mapper-port is-in" aria-hidden="true" />
            <span className="mapper-field-name">{field.name}</span>
            {how === 'expression' ? <span className="mapper-chip">ƒx</span> : null}
            {how === 'literal' ? <span className="mapper-chip">=</span> : null}
            {missing ? <span className="mapper-missing">Required</span> : null}
            <KindBadge kind={field.kind} />
          </button>
        );
      })}
      <form
        className="mapper-add-target"
        onSubmit={(event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem('target') as HTMLInputElement;
          const name = input.value.trim();
          if (name) onAdd(name);
          input.value = '';
        }}
      >
        <input
          name="target"
          className="input input-sm mono"
          aria-label="New target field"
          placeholder="+ target field"
          autoComplete="off"
          spellCheck={false}
        />
      </form>
    </div>
  );
}
