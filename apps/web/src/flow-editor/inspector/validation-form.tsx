import type { SourceNode } from '@baton/schema';
import type { ValidationConfig, ValidationRule } from '@baton/nodes';
import { newRuleId } from '../commands/ids';
import { SelectField, Section, TextField } from './form-fields';
import { removeAt, replaceAt, useNodeConfig } from './use-node-config';

export function ValidationForm({ node }: { node: SourceNode }) {
  const [raw, setConfig] = useNodeConfig<Partial<ValidationConfig>>(node);
  const rules = raw.rules ?? [];
  const setRules = (next: ValidationRule[], coalesce?: string) =>
    setConfig({ ...raw, rules: next }, coalesce);

  return (
    <Section
      title="Rules"
      actions={
        <button
          type="button"
          className="btn btn-sm"
          onClick={() =>
            setRules([...rules, { id: newRuleId(), name: '', expression: '', message: '', onFail: 'reject' }])
          }
        >
          + Add rule
        </button>
      }
    >
      {rules.length === 0 ? (
        <p className="inspector-empty">
          Rules are JSONata expressions that must be true, e.g. <code>total_cents &gt; 0</code>. A failing
          rule rejects the record or flags it for its owner.
        </p>
      ) : null}
      {rules.map((rule, index) => {
        const set = (patch: Partial<ValidationRule>, coalesce?: string) =>
          setRules(replaceAt(rules, index, { ...rule, ...patch }), coalesce);
        const setOptional = (key: 'field' | 'owner', value: string) => {
          const { [key]: _omit, ...rest } = rule;
          setRules(
            replaceAt(rules, index, value ? { ...rest, [key]: value } : rest),
            `rules.${index}.${key}`,
          );
        };
        return (
          <div key={rule.id} className="row-card" role="group" aria-label={`Rule ${index + 1}`}>
            <div className="row-card-grid">
              <TextField
                label="Name"
                compact
                value={rule.name}
                placeholder="total positive"
                onChange={(name) => set({ name }, `rules.${index}.name`)}
              />
              <button
                type="button"
                className="btn btn-sm btn-ghost btn-danger row-remove"
                aria-label={`Remove rule ${index + 1}`}
                onClick={() => setRules(removeAt(rules, index))}
              >
                ✕
              </button>
            </div>
            <div className="row-card-grid two-even">
              <TextField
                label="Field"
                compact
                mono
                value={rule.field ?? ''}
                placeholder="total_cents"
                onChange={(v) => setOptional('field', v)}
              />
              <TextField
                label="Owner"
                compact
                mono
                value={rule.owner ?? ''}
                placeholder="crm-admin"
                onChange={(v) => setOptional('owner', v)}
              />
            </div>
            <TextField
              label="Expression (must be true)"
              mono
              multiline
              value={rule.expression}
              placeholder="total_cents > 0"
              onChange={(expression) => set({ expression }, `rules.${index}.expression`)}
            />
            <TextField
              label="Message"
              compact
              value={rule.message}
              placeholder="total must be positive"
              onChange={(message) => set({ message }, `rules.${index}.message`)}
            />
            <SelectField
              label="On fail"
              compact
              value={rule.onFail}
              options={[
                { value: 'reject', label: 'Reject the record' },
                { value: 'flag', label: 'Flag it and let it through' },
              ]}
              onChange={(onFail) => set({ onFail })}
            />
          </div>
        );
      })}
    </Section>
  );
}
