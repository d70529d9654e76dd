import { useState } from 'react';
import { emptyContract, type Contract, type ContractField, type SourceEdge } from '@baton/schema';
import { useCurrentUser } from '../../auth/session-store';
import { useOwners } from '../../owners/use-owners';
import { removeEdges, updateEdgeContract, updateEdgeRaci } from '../commands/edge-commands';
import { useEditor, useEditorStoreApi } from '../store/editor-store-context';
import { ContractDocuments } from './edge-panel-documents';
import { ContractFieldCard, type FieldAccess } from './edge-panel-field';
import { RaciEditor } from './edge-panel-raci';
import { Section, SelectField } from './form-fields';
import { NodeDiagnostics } from './node-diagnostics';
import { removeAt, replaceAt } from './use-node-config';
import './edge-panel.css';

type Tab = 'contract' | 'raci';

export function EdgePanel({ edge }: { edge: SourceEdge }) {
  const [tab, setTab] = useState<Tab>('contract');
  const store = useEditorStoreApi();
  const owners = useOwners();
  const user = useCurrentUser();
  // A field owner edits only the rules of their own fields; analysts and admins edit everything.
  const ownerScope = user.role === 'owner' ? (user.ownerId ?? '') : null;
  const flowId = useEditor((s) => s.flowId);
  const from = useEditor(
    (s) => s.source.nodes.find((n) => n.id === edge.source.node)?.label ?? edge.source.node,
  );
  const to = useEditor(
    (s) => s.source.nodes.find((n) => n.id === edge.target.node)?.label ?? edge.target.node,
  );
  const perform: ReturnType<typeof store.getState>['perform'] = (...args) =>
    store.getState().perform(...args);

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
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={`tab ${tab === t ? 'is-active' : ''}`}
            onClick={() => setTab(t)}
          >
            {t === 'contract' ? 'Contract' : 'RACI'}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab === 'contract' ? 'Contract' : 'RACI'}>
        {tab === 'contract' ? (
          <>
            <ContractEditor
              contract={edge.contract}
              owners={owners}
              ownerScope={ownerScope}
              onChange={(contract, coalesce) =>
                perform(
                  updateEdgeContract,
                  { id: edge.id, contract },
                  coalesce ? { coalesce: `${edge.id}:${coalesce}` } : undefined,
                )
              }
            />
            {ownerScope === null ? (
              <ContractDocuments
                flowId={flowId}
                edgeId={edge.id}
                contract={edge.contract}
                onChange={(contract) => perform(updateEdgeContract, { id: edge.id, contract })}
              />
            ) : null}
          </>
        ) : (
          // Field owners read the RACI; analysts and admins maintain it.
          <fieldset disabled={ownerScope !== null} className="fieldset-contents">
            <RaciEditor
              raci={edge.raci}
              owners={owners}
              onChange={(raci, coalesce) =>
                perform(
                  updateEdgeRaci,
                  { id: edge.id, raci },
                  coalesce ? { coalesce: `${edge.id}:${coalesce}` } : undefined,
                )
              }
            />
          </fieldset>
        )}
      </div>
      <div className="inspector-footer">
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => perform(removeEdges, { ids: [edge.id] })}
        >
          Delete connection
        </button>
      </div>
    </div>
  );
}

interface ContractEditorProps {
  contract: Contract | null;
  /** The owner id a field-owner viewer acts for; null for roles that edit the whole contract. */
  ownerScope: string | null;
  owners: ReturnType<typeof useOwners>;
  onChange: (contract: Contract, coalesce?: string) => void;
}

/** The field dictionary of what crosses the hand-off, and what happens to anything else. */
function ContractEditor({ contract, owners, ownerScope, onChange }: ContractEditorProps) {
  const accessOf = (owner: string | undefined): FieldAccess =>
    ownerScope === null ? 'full' : owner === ownerScope ? 'rules' : 'none';
  const current = contract ?? emptyContract();
  // Which cards are open, by position; a new field opens so its attributes are one Tab away.
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const setFields = (fields: ContractField[], coalesce?: string) =>
    onChange({ ...current, fields }, coalesce);
  const owned = current.fields.filter((f) => f.owner).length;
  const move = (index: number, delta: -1 | 1) => {
    const fields = [...current.fields];
    const [field] = fields.splice(index, 1);
    if (!field) return;
    fields.splice(index + delta, 0, field);
    setFields(fields);
    setOpen(new Set([...open].map((i) => (i === index ? index + delta : i === index + delta ? index : i))));
  };
  return (
    <>
      <Section
        title={`Fields that may cross (${current.fields.length})`}
        actions={
          <button
            type="button"
            className="btn btn-sm"
            disabled={ownerScope !== null}
            onClick={() => {
              setFields([...current.fields, { name: '', type: 'string', required: false }]);
              setOpen(new Set([...open, current.fields.length]));
            }}
          >
            + Add field
          </button>
        }
      >
        {current.fields.length === 0 ? (
          <p className="inspector-empty">
            No contracted fields yet. With “drop”, only contracted fields cross this hand-off.
          </p>
        ) : (
          <>
            <p className="field-hint">
              {owned} of {current.fields.length} fields have an owner.
            </p>
            <div className="contract-fields" role="list" aria-label="Contract fields">
              {current.fields.map((field, index) => (
                <ContractFieldCard
                  key={index}
                  field={field}
                  index={index}
                  count={current.fields.length}
                  owners={owners}
                  access={accessOf(field.owner)}
                  expanded={open.has(index)}
                  onToggle={() =>
                    setOpen(
                      open.has(index)
                        ? new Set([...open].filter((i) => i !== index))
                        : new Set([...open, index]),
                    )
                  }
                  onChange={(next, coalesce) => setFields(replaceAt(current.fields, index, next), coalesce)}
                  onMove={(delta) => move(index, delta)}
                  onRemove={() => {
                    setFields(removeAt(current.fields, index));
                    setOpen(
                      new Set([...open].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i))),
                    );
                  }}
                />
              ))}
            </div>
          </>
        )}
      </Section>
      <Section title="Other fields">
        <fieldset disabled={ownerScope !== null} className="fieldset-contents">
          <SelectField
            label="Fields not in the contract"
            value={current.extraFields}
            options={[
              { value: 'drop', label: 'Drop them (only agreed fields cross)' },
              { value: 'reject', label: 'Reject the record' },
            ]}
            onChange={(extraFields) => onChange({ ...current, extraFields })}
          />
        </fieldset>
      </Section>
    </>
  );
}
