import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@baton/compiler';
import { jsonSchemaToContract } from '@baton/contracts';
import type { FlowSource } from '@baton/schema';
import { openSqliteStore } from '@baton/store';

export const HANDOFF_FLOW_ID = 'bench-handoff';
export const HANDOFF_TABLE = 'handoff_records';

/**
 * The peer's hand-off (../shared/bench-peer) as a Baton flow: the same mapping (trim, rename
 * `Customer Name`, lower-case e-mail, A/I/P → enum, M/D/YYYY → ISO date, amount → number,
 * `source` dropped), the peer's own contract.schema.json as the contract the mapped record
 * must meet before the write, and an upsert by `idempotency_key` into the embedded SQLite. The
 * run log (every step with its input and output) is what Baton stores for every run anyway.
 */
export function handoffSource(contractSchemaFile: string): FlowSource {
  const contract = jsonSchemaToContract(JSON.parse(readFileSync(contractSchemaFile, 'utf8')));
  const trim = { op: 'trim' as const };
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'n_in', kind: 'trigger', kindVersion: 1, label: 'POST hand-off', config: { mode: 'webhook' } },
      {
        id: 'n_map',
        kind: 'mapping',
        kindVersion: 1,
        label: 'map',
        config: {
          fields: [
            { to: 'idempotency_key', from: 'idempotency_key', transforms: [trim] },
            { to: 'full_name', from: 'Customer Name', transforms: [trim] },
            { to: 'email', from: 'email', transforms: [trim, { op: 'lower' }] },
            {
              to: 'status',
              from: 'status',
              transforms: [
                trim,
                {
                  op: 'enumMap',
                  map: {
                    A: 'active',
                    I: 'inactive',
                    P: 'pending',
                    active: 'active',
                    inactive: 'inactive',
                    pending: 'pending',
                  },
                },
              ],
            },
            {
              to: 'signup_date',
              from: 'signup_date',
              transforms: [trim, { op: 'date', formats: ['YYYY-MM-DD', 'M/D/YYYY'] }],
            },
            { to: 'amount', from: 'amount', transforms: [{ op: 'number', decimalSeparator: '.' }] },
          ],
          computed: [],
          keepUnmapped: false,
        },
      },
      {
        id: 'n_write',
        kind: 'write',
        kindVersion: 1,
        label: 'upsert',
        config: {
          connection: 'downstream',
          table: HANDOFF_TABLE,
          keyFields: ['idempotency_key'],
          onConflict: 'update',
        },
      },
    ],
    edges: [
      {
        id: 'e_in',
        source: { node: 'n_in', port: 'out' },
        target: { node: 'n_map', port: 'in' },
        contract: null,
        raci: null,
      },
      {
        id: 'e_contract',
        source: { node: 'n_map', port: 'out' },
        target: { node: 'n_write', port: 'in' },
        contract,
        raci: null,
      },
    ],
    layout: { nodes: {} },
    meta: { description: 'bench-peer hand-off: map, contract, upsert by idempotency_key' },
  };
}

/**
 * Publishes the hand-off flow straight into a data folder's database (compile, version,
 * publish), skipping the approval gate that a bench has no people for. Safe while the server
 * runs on the same file: WAL lets a second connection write between the server's commits.
 */
export async function publishHandoff(dataDir: string, contractSchemaFile: string): Promise<void> {
  const source = handoffSource(contractSchemaFile);
  const { definition, diagnostics } = compile(source);
  if (!definition) throw new Error(`the hand-off flow does not compile: ${JSON.stringify(diagnostics)}`);
  const store = await openSqliteStore({ file: join(dataDir, 'baton.sqlite') });
  try {
    const now = new Date().toISOString();
    await store.transaction(async (tx) => {
      await tx.flows.create({
        id: HANDOFF_FLOW_ID,
        name: 'Bench hand-off',
        description: '',
        draft: source,
        now,
      });
      const version = await tx.versions.create({
        flowId: HANDOFF_FLOW_ID,
        source,
        definition,
        changeNote: { reason: 'bench', acceptanceCheck: 'bench', risk: 'none' },
        now,
      });
      await tx.versions.publish(HANDOFF_FLOW_ID, version.version, now);
    });
  } finally {
    await store.close();
  }
}
