import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile } from '@baton/compiler';
import type { Clock } from '@baton/nodes';
import type { Store } from '@baton/store';
import { flowSourceErrors, isFlowSource } from '../flow-source-check.js';

export const EXAMPLE_FLOW_ID = 'order-to-fulfillment';

export type SeedResult =
  { seeded: false; reason: 'not_empty' } | { seeded: true; published: boolean; diagnostics: string[] };

/**
 * On first start (no flows yet) creates the `order-to-fulfillment` example from the repo's
 * `examples/` folder: its draft, version 1 with a change note, published. All in one
 * transaction, so a crash half-way leaves no partial seed and the next start seeds again; once
 * any flow exists the seed never runs, so deleting the example does not bring it back.
 */
export async function seedExample(store: Store, examplesDir: string, clock: Clock): Promise<SeedResult> {
  if ((await store.flows.count()) > 0) return { seeded: false, reason: 'not_empty' };

  const file = join(examplesDir, EXAMPLE_FLOW_ID, 'flow.json');
  const source: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!isFlowSource(source)) {
    const first = flowSourceErrors(source)[0];
    throw new Error(`${file} is not a flow source: ${first?.path} ${first?.message}`);
  }
  const { definition, diagnostics } = compile(source);
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
  const now = clock.now().toISOString();

  return store.transaction(async (tx): Promise<SeedResult> => {
    if ((await tx.flows.count()) > 0) return { seeded: false, reason: 'not_empty' };
    await tx.flows.create({
      id: EXAMPLE_FLOW_ID,
      name: 'Order to fulfillment',
      description:
        source.meta.description ??
        'Orders from the CRM webhook, normalised, checked and queued for fulfilment.',
      draft: source,
      now,
    });
    // A draft that does not compile is still seeded, so the editor shows what is wrong.
    if (!definition) return { seeded: true, published: false, diagnostics: errors };
    const version = await tx.versions.create({
      flowId: EXAMPLE_FLOW_ID,
      source,
      definition,
      changeNote: {
        reason: 'Seeded example: CRM orders handed to fulfilment without re-keying.',
        acceptanceCheck:
          'The sample records land in fulfillment_queue once each; invalid ones are rejected with a reason.',
        risk: 'Low: writes only to the embedded downstream database.',
      },
      now,
    });
    await tx.versions.publish(EXAMPLE_FLOW_ID, version.version, now);
    return { seeded: true, published: true, diagnostics: errors };
  });
}
