import { useState } from 'react';
import type { SourceNode } from '@baton/schema';
import type { FieldMapping, MappingConfig, Transform } from '@baton/nodes';
import { CheckboxField, Section, TextField } from './form-fields';
import { removeAt, replaceAt, useNodeConfig } from './use-node-config';
import { TransformEditor, TRANSFORM_OPS, newTransform } from './transform-editor';
import { VisualMapper } from '../mapper/visual-mapper';
import { MapperDialog } from '../mapper/mapper-dialog';

type Config = MappingConfig;
type Field = FieldMapping;
type Computed = MappingConfig['computed'][number];

export function MappingForm({ node }: { node: SourceNode }) {
  const [raw, setConfig] = useNodeConfig<Partial<Config>>(node);
  const config: Config = {
    fields: raw.fields ?? [],
    computed: raw.computed ?? [],
    keepUnmapped: raw.keepUnmapped ?? false,
  };
  const setFields = (fields: Field[], coalesce?: string) => setConfig({ ...config, fields }, coalesce);
  const setComputed = (computed: Computed[], coalesce?: string) =>
    setConfig({ ...config, computed }, coalesce);
  const [expanded, setExpanded] = useState(false);

  return (
    <>
      <Section title="Field map">
        {expanded ? (
          <div className="inspector-empty-block">
            <p className="inspector-empty">The mapper is open full screen.</p>
            <button type="button" className="btn btn-sm" onClick={() => setExpanded(false)}>
              Close mapper
            </button>
            <MapperDialog node={node} onClose={() => setExpanded(false)} />
          </div>
        ) : (
          <VisualMapper node={node} onExpand={() => setExpanded(true)} />
        )}
      </Section>

      <Section
        title="Fields"
        actions={
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => setFields([...config.fields, { to: '', from: '', transforms: [] }])}
          >
            + Add field
          </button>
        }
      >
        {config.fields.length === 0 ? (
          <p className="inspector-empty">
            No fields yet. Each field maps a source path to a target name, with transforms.
          </p>
        ) : null}
        {config.fields.map((field, index) => (
          <FieldRow
            key={index}
            index={index}
            field={field}
            onChange={(next, coalesce) => setFields(replaceAt(config.fields, index, next), coalesce)}
            onRemove={() => setFields(removeAt(config.fields, index))}
          />
        ))}
      </Section>

      <Section
        title="Computed fields"
        actions={
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => setComputed([...config.computed, { to: '', expression: '' }])}
          >
            + Add computed
          </button>
        }
      >
        {config.computed.length === 0 ? (
          <p className="inspector-empty">
            JSONata over the input record, e.g. <code>$number(qty) * $number(price)</code>.
          </p>
        ) : null}
        {config.computed.map((computed, index) => (
          <div key={index} className="row-card" aria-label={`Computed field ${index + 1}`} role="group">
            <div className="row-card-grid">
              <TextField
                label="To"
                compact
                mono
                value={computed.to}
                onChange={(to) =>
                  setComputed(replaceAt(config.computed, index, { ...computed, to }), `computed.${index}.to`)
                }
              />
              <button
                type="button"
                className="btn btn-sm btn-ghost btn-danger row-remove"
                aria-label={`Remove computed field ${index + 1}`}
                onClick={() => setComputed(removeAt(config.computed, index))}
              >
                ✕
              </button>
            </div>
            <TextField
              label="JSONata expression"
              mono
              multiline
              value={computed.expression}
              onChange={(expression) =>
                setComputed(
                  replaceAt(config.computed, index, { ...computed, expression }),
                  `computed.${index}.expression`,
                )
              }
            />
          </div>
        ))}
      </Section>

      <Section title="Other fields">
        <CheckboxField
          label="Keep unmapped fields"
          checked={config.keepUnmapped}
          onChange={(keepUnmapped) => setConfig({ ...config, keepUnmapped })}
        />
      </Section>
    </>
  );
}

interface FieldRowProps {
  index: number;
  field: Field;
  onChange: (field: Field, coalesce?: string) => void;
  onRemove: () => void;
}

function FieldRow({ index, field, onChange, onRemove }: FieldRowProps) {
  const transforms = field.transforms ?? [];
  const setTransforms = (next: Transform[], coalesce?: string) =>
    onChange({ ...field, transforms: next }, coalesce);
  return (
    <div className="row-card" role="group" aria-label={`Field ${index + 1}`}>
      <div className="row-card-grid two">
        <TextField
          label="To"
          compact
          mono
          value={field.to}
          placeholder="customer_id"
          onChange={(to) => onChange({ ...field, to }, `fields.${index}.to`)}
        />
        <TextField
          label="From"
          compact
          mono
          value={field.from ?? ''}
          placeholder="account_number"
          onChange={(from) => {
            const { from: _omit, ...rest } = field;
            onChange(from ? { ...rest, from } : rest, `fields.${index}.from`);
          }}
        />
        <button
          type="button"
          className="btn btn-sm btn-ghost btn-danger row-remove"
          aria-label={`Remove field ${index + 1}`}
          onClick={onRemove}
        >
          ✕
        </button>
      </div>
      {field.value ? (
        <p className="field-hint">
          Value:{' '}
          {field.value.kind === 'expression' ? (
            <code>{field.value.source}</code>
          ) : (
            <code>{JSON.stringify(field.value.value)}</code>
          )}{' '}
          (edit in the JSON view)
        </p>
      ) : null}
      <div className="transforms">
        {transforms.map((transform, t) => (
          <TransformEditor
            key={t}
            transform={transform}
            label={`Field ${index + 1} transform ${t + 1}`}
            onChange={(next, coalesce) =>
              setTransforms(
                replaceAt(transforms, t, next),
                coalesce ? `fields.${index}.t${t}.${coalesce}` : undefined,
              )
            }
            onRemove={() => setTransforms(removeAt(transforms, t))}
          />
        ))}
        <select
          className="select input-sm transforms-add"
          aria-label={`Add transform to field ${index + 1}`}
          value=""
          onChange={(e) => {
            const op = e.target.value as Transform['op'];
            if (op) setTransforms([...transforms, newTransform(op)]);
          }}
        >
          <option value="">+ transform…</option>
          {TRANSFORM_OPS.map((op) => (
            <option key={op.op} value={op.op}>
              {op.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
