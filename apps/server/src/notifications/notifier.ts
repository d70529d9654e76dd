import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '@baton/nodes';
import type { NewInboxItem, Owner, Store, WebhookDelivery } from '@baton/store';
import type { SecretBox } from '../connections/secret-box.js';
import { openOwnerSecret } from '../owners/owner-secrets.js';
import { failureItemsForRun } from './failure-recipients.js';
import { itemsForRun } from './recipients.js';
import { backoffMs, sendNotification, type FetchLike, type SendResult } from './webhook-sender.js';

export interface NotifierOptions {
  store: Store;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Opens owners' sealed webhook secrets; null only when no key is configured. */
  secrets?: SecretBox | null;
  fetch?: FetchLike;
  /** First retry delay; doubles per attempt. */
  retryBaseMs?: number;
  /** Attempts before a delivery is given up as `failed`. */
  maxAttempts?: number;
}

/**
 * Turns finished rejected/flagged/failed runs into inbox items and webhook deliveries, then sends the
 * deliveries. It reads runs from the store after they are committed instead of hooking the
 * runner, so notifying can never slow or fail a run, survives a restart (the processed-runs
 * table is the cursor), and works whichever process finished the run.
 */
export class Notifier {
  private readonly fetch: FetchLike;
  private readonly retryBaseMs: number;
  private readonly maxAttempts: number;
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> | null = null;

  constructor(private readonly options: NotifierOptions) {
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 6;
  }

  /** Processes runs finished since the last sweep; answers how many items it opened. */
  async sweep(): Promise<number> {
    const { store, clock } = this.options;
    let opened = 0;
    for (const runId of await store.notifications.pendingRuns(50)) {
      const run = await store.runs.get(runId);
      const version = run ? await store.versions.get(run.flowId, run.version) : null;
      const now = clock.now().toISOString();
      const lookup = await store.owners.lookup();
      const plan = version?.definition ?? null;
      let items: NewInboxItem[] = [];
      if (run?.status === 'failed') items = failureItemsForRun(run, plan, lookup, now);
      else if (run && plan) items = itemsForRun(run, plan, lookup, now);
      const deliveries: WebhookDelivery[] = [];
      for (const item of items) {
        const owner = await store.owners.get(item.ownerId);
        if (!owner?.webhookUrl) continue;
        deliveries.push({
          id: `dlv_${randomUUID()}`,
          ownerId: owner.id,
          url: owner.webhookUrl,
          // The run page's path: the receiver knows Baton's address, the notifier does not.
          body: {
            type: `baton.${item.kind}`,
            item: { ...item, status: 'open' },
            runPath: `/runs/${item.runId}`,
          },
          state: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          lastError: null,
          createdAt: now,
        });
      }
      await store.transaction(async (tx) => {
        await tx.notifications.addItems(items);
        await tx.notifications.addDeliveries(deliveries);
        await tx.notifications.markRunProcessed(runId, now);
      });
      opened += items.length;
    }
    return opened;
  }

  /** Sends due deliveries once each; failures are rescheduled with back-off. */
  async deliver(): Promise<number> {
    const { store, clock } = this.options;
    const due = await store.notifications.dueDeliveries(clock.now().toISOString(), 20);
    let delivered = 0;
    for (const delivery of due) {
      const owner = await store.owners.get(delivery.ownerId);
      const now = clock.now();
      const result = await this.send(delivery, owner, now);
      const attempt = delivery.attempts + 1;
      if (result.ok) delivered++;
      else
        this.options.log.warn(
          { deliveryId: delivery.id, attempt, error: result.error },
          'notification webhook failed',
        );
      await store.notifications.recordAttempt(delivery.id, {
        state: result.ok ? 'delivered' : attempt >= this.maxAttempts ? 'failed' : 'pending',
        nextAttemptAt: new Date(now.getTime() + backoffMs(attempt, this.retryBaseMs)).toISOString(),
        error: result.error,
      });
    }
    return delivered;
  }

  /** A secret that does not open (wrong key) fails this attempt only, like an unreachable receiver. */
  private async send(delivery: WebhookDelivery, owner: Owner | null, now: Date): Promise<SendResult> {
    let secret: string | null;
    try {
      secret = owner ? openOwnerSecret(this.options.secrets ?? null, owner.id, owner.webhookSecret) : null;
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    return sendNotification(
      this.fetch,
      delivery.url,
      JSON.stringify(delivery.body),
      secret,
      Math.floor(now.getTime() / 1000),
      delivery.id,
    );
  }

  /** One sweep and one delivery round, never two at once (the timer and tests may both call). */
  tick(): Promise<void> {
    this.busy ??= (async () => {
      try {
        await this.sweep();
        await this.deliver();
      } catch (error) {
        this.options.log.error({ err: error }, 'notifier tick failed');
      } finally {
        this.busy = null;
      }
    })();
    return this.busy;
  }

  start(intervalMs: number): void {
    this.timer ??= setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.busy;
  }
}
