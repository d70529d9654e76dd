import type {
  ConnectionRecord,
  Owner,
  OwnerLookupEntry,
  RunDetail,
  RunOutcome,
  Store,
  User,
  VersionRecord,
} from '@baton/store';
import type { FlowSource } from '@baton/schema';
import { ledgerOf } from '../runner/run-executor.js';

/**
 * `baton export` / `baton import`: moves an installation between stores (embedded SQLite ⇄
 * cluster PostgreSQL) through the Store interface, so both directions are the same code. The
 * file is JSON Lines: a header, then one line per item, so `--with-runs` streams any number of
 * runs. Secrets (owner webhook secrets, connection credentials, sealed run inputs) travel
 * sealed: the target must use the same `BATON_SECRET_KEY`.
 */
export const TRANSFER_FORMAT = 'baton-export';
export const TRANSFER_VERSION = 1;

export interface FlowEntry {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  draft: FlowSource;
  webhookSecret: string | null;
  /** Oldest first, so the target numbers them the same. */
  versions: VersionRecord[];
}

export type TransferLine =
  | { kind: 'header'; format: typeof TRANSFER_FORMAT; version: number; exportedAt: string; withRuns: boolean }
  | { kind: 'user'; user: User; passwordHash: string }
  | { kind: 'owner'; owner: Owner }
  | { kind: 'owner_lookup'; entry: OwnerLookupEntry }
  | { kind: 'connection'; connection: ConnectionRecord }
  | { kind: 'flow'; flow: FlowEntry }
  | { kind: 'run'; run: RunDetail };

export interface TransferCounts {
  users: number;
  owners: number;
  connections: number;
  flows: number;
  versions: number;
  runs: number;
  /** Items the target had already (same id or username), left as they were. */
  skipped: string[];
}

/** Every line of an export of `store`, in the order an import needs them. */
export async function* exportLines(
  store: Store,
  options: { withRuns: boolean; now: string },
): AsyncGenerator<TransferLine> {
  yield {
    kind: 'header',
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    exportedAt: options.now,
    withRuns: options.withRuns,
  };
  for (const user of await store.auth.listUsers()) {
    const login = await store.auth.userForLogin(user.username);
    yield { kind: 'user', user, passwordHash: login?.passwordHash ?? '' };
  }
  for (const owner of await store.owners.list()) yield { kind: 'owner', owner };
  for (const entry of await store.owners.lookup()) yield { kind: 'owner_lookup', entry };
  for (const connection of await store.connections.list()) yield { kind: 'connection', connection };
  const flows = await store.flows.list();
  for (const summary of flows) {
    const draft = await store.flows.getDraft(summary.id);
    const versions: VersionRecord[] = [];
    for (const v of (await store.versions.list(summary.id)).reverse()) {
      const record = await store.versions.get(summary.id, v.version);
      if (record) versions.push(record);
    }
    yield {
      kind: 'flow',
      flow: {
        id: summary.id,
        name: summary.name,
        description: summary.description,
        createdAt: summary.createdAt,
        draft: draft!.source,
        webhookSecret: await store.auth.webhookSecret(summary.id),
        versions,
      },
    };
  }
  if (!options.withRuns) return;
  for (const flow of flows) {
    // Oldest first: a duplicate refers to the run it repeats, which must be imported before it.
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.runs.list({ flowId: flow.id, limit: 200, ...(cursor && { cursor }) });
      for (const summary of page.items) ids.push(summary.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    for (const id of ids.reverse()) {
      const run = await store.runs.get(id);
      if (run) yield { kind: 'run', run };
    }
  }
}

/** Applies an export to `store`. Items the target has already are skipped, not overwritten. */
export async function importLines(store: Store, lines: AsyncIterable<TransferLine>): Promise<TransferCounts> {
  const counts: TransferCounts = {
    users: 0,
    owners: 0,
    connections: 0,
    flows: 0,
    versions: 0,
    runs: 0,
    skipped: [],
  };
  let header = false;
  for await (const line of lines) {
    if (!header) {
      if (line.kind !== 'header' || line.format !== TRANSFER_FORMAT || line.version !== TRANSFER_VERSION) {
        throw new Error(`not a ${TRANSFER_FORMAT} version ${TRANSFER_VERSION} file`);
      }
      header = true;
      continue;
    }
    await importLine(store, line, counts);
  }
  if (!header) throw new Error('the file is empty');
  return counts;
}

async function importLine(store: Store, line: TransferLine, counts: TransferCounts): Promise<void> {
  switch (line.kind) {
    case 'header':
      throw new Error('a second header line');
    case 'user': {
      const { user } = line;
      if (await store.auth.userForLogin(user.username))
        return void counts.skipped.push(`user ${user.username}`);
      await store.transaction(async (tx) => {
        await tx.auth.createUser({ ...user, passwordHash: line.passwordHash, now: user.createdAt });
        if (user.disabled) await tx.auth.updateUser(user.id, { disabled: true });
      });
      counts.users++;
      return;
    }
    case 'owner': {
      const { owner } = line;
      const { createdAt, updatedAt, ...fields } = owner;
      // Migrations seed the default owners: the exported ones (perhaps edited) win.
      if (!(await store.owners.create(fields, createdAt))) {
        const { id, ...patch } = fields;
        await store.owners.update(id, patch, updatedAt);
      }
      counts.owners++;
      return;
    }
    case 'owner_lookup':
      await store.owners.setLookup(line.entry.category, line.entry.ownerId);
      return;
    case 'connection':
      if (await store.connections.get(line.connection.name)) {
        return void counts.skipped.push(`connection ${line.connection.name}`);
      }
      await store.connections.put(line.connection);
      counts.connections++;
      return;
    case 'flow':
      if (await store.flows.get(line.flow.id)) return void counts.skipped.push(`flow ${line.flow.id}`);
      await importFlow(store, line.flow);
      counts.flows++;
      counts.versions += line.flow.versions.length;
      return;
    case 'run':
      if (await store.runs.get(line.run.id)) return void counts.skipped.push(`run ${line.run.id}`);
      await importRun(store, line.run);
      counts.runs++;
      return;
    default: {
      const unknown: never = line;
      throw new Error(`unknown line kind ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Versions are created oldest first (the store numbers them 1, 2, …, as in the source) and then
 * walked through the same gate transitions, in the order they were published, so the target
 * ends with the same states, reviews and published version.
 */
async function importFlow(store: Store, flow: FlowEntry): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.flows.create({
      id: flow.id,
      name: flow.name,
      description: flow.description,
      draft: flow.draft,
      now: flow.createdAt,
    });
    for (const v of flow.versions) {
      await tx.versions.create({
        flowId: flow.id,
        source: v.source,
        definition: v.definition,
        changeNote: v.changeNote,
        now: v.createdAt,
        ...(v.author !== null && { author: v.author }),
        requiredSignOffs: v.requiredSignOffs,
      });
      if (v.approvedBy !== null || v.approvedHash !== null) {
        await tx.versions.review(flow.id, v.version, {
          from: ['in_review'],
          to: 'approved',
          patch: {
            signOffs: v.signOffs,
            approvedBy: v.approvedBy,
            approvedAt: v.approvedAt,
            approvedHash: v.approvedHash,
            reviewNote: v.reviewNote,
          },
        });
      } else if (v.state === 'rejected') {
        await tx.versions.review(flow.id, v.version, {
          from: ['in_review'],
          to: 'rejected',
          patch: {
            signOffs: v.signOffs,
            rejectedBy: v.rejectedBy,
            rejectedAt: v.rejectedAt,
            reviewNote: v.reviewNote,
          },
        });
      } else if (v.signOffs.length > 0) {
        await tx.versions.review(flow.id, v.version, {
          from: ['in_review'],
          to: 'in_review',
          patch: { signOffs: v.signOffs },
        });
      }
    }
    // The live version last, so it ends published and the others superseded.
    const published = flow.versions
      .filter((v) => v.publishedAt !== null)
      .sort(
        (a, b) =>
          Number(a.state === 'published') - Number(b.state === 'published') ||
          a.publishedAt!.localeCompare(b.publishedAt!),
      );
    for (const v of published) {
      await tx.versions.publish(flow.id, v.version, v.publishedAt!, {
        from: ['in_review', 'approved', 'superseded'],
        ...(v.publishedBy !== null && { by: v.publishedBy }),
      });
    }
    if (flow.webhookSecret !== null)
      await tx.auth.setWebhookSecret(flow.id, flow.webhookSecret, flow.createdAt);
  });
}

/** A run arrives as it was: queued, then finished with its stored outcome (an unfinished one stays queued). */
async function importRun(store: Store, run: RunDetail): Promise<void> {
  await store.transaction(async (tx) => {
    const { status } = run;
    const duplicate = status === 'duplicate';
    await tx.runs.insert({
      id: run.id,
      flowId: run.flowId,
      version: run.version,
      status: duplicate ? 'duplicate' : 'queued',
      recordKey: run.recordKey,
      idempotencyKey: run.idempotencyKey,
      payloadHash: run.payloadHash,
      input: run.input,
      inputSealed: run.inputSealed,
      receivedAt: run.receivedAt,
      duplicateOf: run.duplicateOf,
    });
    if (status === 'duplicate' || status === 'queued' || status === 'running') return;
    const outcome: RunOutcome = {
      status,
      recordKey: run.recordKey,
      startedAt: run.startedAt ?? run.receivedAt,
      finishedAt: run.finishedAt ?? run.receivedAt,
      durationMs: run.durationMs ?? 0,
      error: run.error,
      steps: run.steps,
    };
    await tx.runs.finish(run.id, outcome);
    const ledger = ledgerOf(run, outcome);
    if (ledger.length > 0) await tx.ledger.append(ledger);
  });
}
