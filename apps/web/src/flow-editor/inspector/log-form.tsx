import type { SourceNode } from '@baton/schema';
import type { LogConfig } from '@baton/nodes';
import { ListField, Section } from './form-fields';
import { useNodeConfig } from './use-node-config';

export function LogForm({ node }: { node: SourceNode }) {
  const [raw, setConfig] = useNodeConfig<Partial<LogConfig>>(node);
  return (
    <Section title="Movement ledger">
      <p className="inspector-empty">
        Each record that reaches this node is recorded with flow, version, run, record key and status.
      </p>
      <ListField
        label="Masked fields"
        values={raw.mask ?? []}
        placeholder="email, phone"
        hint="Stored as *** in the ledger."
        onChange={(mask) => setConfig({ ...raw, mask }, 'mask')}
      />
    </Section>
  );
}
