import { useState } from 'react';
import { FIELD_KINDS, emptyContract, emptyRaci, type Contract, type ContractField, type FieldKind, type Raci, type SourceEdge } from '@baton/schema';
import { useEditor, useEditorStoreApi } from '../store/editor-store-context';
import { removeEdges, updateEdgeContract, updateEdgeRaci } from '../commands/edge-commands';
import { CheckboxField, ListField, SelectField, Section, TextField } from './form-fields';
import { removeAt, replaceAt } from './use-node-config';
import { NodeDiagnostics } from './node-diagnostics';

type Tab = 'contract' | 'raci';

export function EdgePanel({ edge }: { edge: SourceEdge }) {
  const [tab, setTab] = useState<Tab>('contract');
  const store = useEditorStoreApi();
  const from = useEditor((s) => s.source.nodes.find((n) => n.id === edge.source.node)?.label ?? edge.source.node);
  const to = useEditor((s) => s.source.nodes.find((n) => n.id === edge.target.node)?.label ?? edge.target.node);

  return (
    <div className="inspector-body" aria-label="Edge inspector">
      <header className="inspector-head">
        <div className="inspector-kind">Hand-off</div>
        <h2 className="inspector-title">
          {from} <span className="faint">·{edge.source.port}</span> → {to}
        </h2>
      </header>
      <NodeDiagnostics id={edge.id} />
      <div className="tabs" role="tablist" aria-label="Edge sections">
        {(['contract', 'raci'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={`tab ${tab === t ? 'is-active' : ''}`} onClick={() => setTab(t)}>
            {t === 'contract' ? 'Contract' : 'RACI'}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab === 'contract' ? 'Contract' : 'RACI'}>
        {tab === 'contract' ? (
          <ContractEditor
            contract={edge.contract}
            onChange={(contract, coalesce) =>
              store.getState().perform(updateEdgeContract, { id: edge.id, contract }, coalesce ? { coalesce: `${edge.id}:${coalesce}` } : undefined)
            }
          />
        ) : (
          <RaciEditor
            raci={edge.raci}
            onChange={(raci, coalesce) =>
              store.getState().perform(updateEdgeRaci, { id: edge.id, raci }, coalesce ? { coalesce: `${edge.id}:${coalesce}` } : undefined)
            }
          />
        )}
      </div>
      <div className="inspector-footer">
        <button type="button" className="btn btn-danger" onClick={() => store.getState().perform(removeEdges, { ids: [edge.id] })}>
          Delete connection
        </button>
      </div>
    </div>
  );
}

interface ContractEditorProps {
  contract: Contract | null;
  onChange: (contract: Contract, coalesce?: string) => void;
}

/** Minimal for now: field names, types and required; the contracts issue fills in the rest. */
function ContractEditor({ contract, onChange }: ContractEditorProps) {
  const current = contract ?? emptyContract();
  const setFields = (fields: ContractField[], coalesce?: string) => onChange({ ...current, fields }, coalesce);
  return (
    <>
      <Section
        title="Fields that may cross"
        actions={
          <button type="button" className="btn btn-sm" onClick={() => setFields([...current.fields, { name: '', type: 'string', required: false }])}>
            + Add field
          </button>
        }
      >
        {current.fields.length === 0 ? (
          <p className="inspector-empty">No contracted fields yet. With “drop”, only contracted fields cross this hand-off.</p>
        ) : (
          <div className="contract-fields" role="list" aria-label="Contract fields">
            {current.fields.map((field, index) => (
              <div key={index} className="contract-field" role="listitem" aria-label={`Contract field ${field.name || index + 1}`}>
                <TextField
                  label="Name"
                  compact
                  mono
                  value={field.name}
                  onChange={(name) => setFields(replaceAt(current.fields, index, { ...field, name }), `field.${index}.name`)}
                />
                <SelectField<FieldKind>
                  label="Type"
                  compact
                  value={field.type}
                  options={FIELD_KINDS.map((k) => ({ value: k, label: k }))}
                  onChange={(type) => setFields(replaceAt(current.fields, index, { ...field, type }))}
                />
                <div className="contract-field-foot">
                  <CheckboxField label="Required" checked={field.required} onChange={(required) => setFields(replaceAt(current.fields, index, { ...field, required }))} />
                  <button type="button" className="btn btn-sm btn-ghost btn-danger" aria-label={`Remove contract field ${field.name || index + 1}`} onClick={() => setFields(removeAt(current.fields, index))}>
                    Remove
                  </button>
                </div>
                {field.owner || field.pattern || field.classification ? (
                  <div className="contract-field-meta">
                    {field.owner ? <span className="badge badge-plain">owner {field.owner}</span> : null}
                    {field.classification ? <span className="badge badge-plain">{field.classification}</span> : null}
                    {field.pattern ? <code>{field.pattern}</code> : null}
                  </div>
                ) : null}
              </div>
            ))}
          </div>
        )}
      </Section>
      <Section title="Other fields">
        <SelectField
          label="Fields not in the contract"
          value={current.extraFields}
          options={[
            { value: 'drop', label: 'Drop them (only agreed fields cross)' },
            { value: 'reject', label: 'Reject the record' },
          ]}
          onChange={(extraFields) => onChange({ ...current, extraFields })}
        />
      </Section>
    </>
  );
}

interface RaciEditorProps {
  raci: Raci | null;
  onChange: (raci: Raci | null, coalesce?: string) => void;
}

const ROLES = [
  { key: 'responsible', letter: 'R', label: 'Responsible' },
  { key: 'accountable', letter: 'A', label: 'Accountable' },
  { key: 'consulted', letter: 'C', label: 'Consulted' },
  { key: 'informed', letter: 'I', label: 'Informed' },
] as const;

function RaciEditor({ raci, onChange }: RaciEditorProps) {
  if (!raci) {
    return (
      <div className="inspector-empty-block">
        <p className="inspector-empty">No RACI yet: who is Responsible, Accountable, Consulted and Informed for this hand-off.</p>
        <button type="button" className="btn btn-sm" onClick={() => onChange(emptyRaci())}>
          Add RACI table
        </button>
      </div>
    );
  }
  return (
    <Section title="Who does what" actions={<span className="field-hint">Owner ids, comma-separated</span>}>
      {raci.rows.map((row, index) => (
        <div key={row.id} className="row-card" role="group" aria-label={`RACI ${row.label}`}>
          <strong className="raci-row-label">{row.label}</strong>
          <div className="row-card-grid two-even">
            {ROLES.map((role) => (
              <ListField
                key={role.key}
                label={`${role.letter} · ${role.label}`}
                compact
                values={row[role.key]}
                onChange={(values) => onChange({ rows: replaceAt(raci.rows, index, { ...row, [role.key]: values }) }, `raci.${row.id}.${role.key}`)}
              />
            ))}
          </div>
        </div>
      ))}
    </Section>
  );
}
