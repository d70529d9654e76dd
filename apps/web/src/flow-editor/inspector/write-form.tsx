import type { SourceNode } from '@baton/schema';
import type { WriteConfig } from '@baton/nodes';
import { ListField, SelectField, Section, TextField } from './form-fields';
import { useNodeConfig } from './use-node-config';

export function WriteForm({ node }: { node: SourceNode }) {
  const [raw, setConfig] = useNodeConfig<Partial<WriteConfig>>(node);
  const config: WriteConfig = {
    connection: raw.connection ?? 'downstream',
    table: raw.table ?? '',
    keyFields: raw.keyFields ?? [],
    onConflict: raw.onConflict ?? 'update',
  };
  return (
    <Section title="Target">
      <SelectField
        label="Connection"
        value={config.connection}
        options={[{ value: 'downstream', label: 'downstream (embedded SQLite)' }]}
        onChange={(connection) => setConfig({ ...config, connection })}
      />
      <TextField
        label="Table"
        mono
        value={config.table}
        placeholder="fulfillment_queue"
        hint="Created from the incoming fields when it does not exist."
        onChange={(table) => setConfig({ ...config, table }, 'table')}
      />
      <ListField
        label="Key fields"
        values={config.keyFields}
        placeholder="order_id"
        hint="Identify a record: a second write with the same key updates instead of inserting."
        onChange={(keyFields) => setConfig({ ...config, keyFields }, 'keyFields')}
      />
      <SelectField
        label="When the key exists"
        value={config.onConflict}
        options={[
          { value: 'update', label: 'Update the row' },
          { value: 'skip', label: 'Keep the existing row' },
        ]}
        onChange={(onConflict) => setConfig({ ...config, onConflict })}
      />
    </Section>
  );
}
