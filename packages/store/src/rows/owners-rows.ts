import type { Owner } from '../owners.js';

export interface OwnerRow {
  id: string;
  name: string;
  kind: Owner['kind'];
  email: string | null;
  webhook_url: string | null;
  webhook_secret: string | null;
  created_at: string;
  updated_at: string;
}

export const OWNER_COLUMNS = 'id, name, kind, email, webhook_url, webhook_secret, created_at, updated_at';

export function toOwner(row: OwnerRow): Owner {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    email: row.email,
    webhookUrl: row.webhook_url,
    webhookSecret: row.webhook_secret,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
