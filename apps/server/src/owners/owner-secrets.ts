import type { Store } from '@baton/store';
import { SecretKeyError, type SecretBox } from '../connections/secret-box.js';

/** Sealed values start with the box's version tag; anything else is a row written before sealing. */
const isSealed = (stored: string) => stored.startsWith('v1.');

/** Bound as associated data: a sealed secret copied onto another owner row fails to open. */
const contextOf = (ownerId: string) => `owner:${ownerId}`;

/**
 * Seals an owner's webhook secret for storage with the connections' AES-256-GCM box, so a copy
 * of the database file alone cannot forge Baton's notification signatures.
 */
export function sealOwnerSecret(
  box: SecretBox | null,
  ownerId: string,
  secret: string | null,
): string | null {
  if (secret === null || secret === '') return secret;
  // Unreachable in practice: a key is created whenever nothing is sealed yet (connections plugin).
  if (!box) throw new SecretKeyError('no secret key is configured to seal the webhook secret');
  return box.seal(secret, contextOf(ownerId));
}

/** The usable secret; rows from before sealing are still plaintext and are read as they are. */
export function openOwnerSecret(
  box: SecretBox | null,
  ownerId: string,
  stored: string | null,
): string | null {
  if (stored === null || stored === '' || !isSealed(stored)) return stored;
  if (!box) throw new SecretKeyError('a webhook secret is sealed but no secret key is configured');
  return box.open(stored, contextOf(ownerId));
}

/** How many owners hold a sealed secret (they need the key, like sealed connection credentials). */
export async function countSealedOwnerSecrets(store: Store): Promise<number> {
  return (await store.owners.list()).filter((o) => o.webhookSecret !== null && isSealed(o.webhookSecret))
    .length;
}

/**
 * Seals the secrets of rows written before sealing existed. Runs at start-up rather than in a
 * SQL migration because the key lives in the server, not in the store; answers how many it sealed.
 */
export async function sealPlaintextOwnerSecrets(store: Store, box: SecretBox, now: string): Promise<number> {
  let sealed = 0;
  for (const owner of await store.owners.list()) {
    const secret = owner.webhookSecret;
    if (secret === null || secret === '' || isSealed(secret)) continue;
    await store.owners.update(owner.id, { webhookSecret: box.seal(secret, contextOf(owner.id)) }, now);
    sealed++;
  }
  return sealed;
}
