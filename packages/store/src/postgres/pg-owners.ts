import type {
  IssueCategory,
  NewOwner,
  Owner,
  OwnerLookupEntry,
  OwnerPatch,
  OwnerRepository,
} from '../owners.js';
import type { PgContext } from './pg-context.js';
import { type OwnerRow, OWNER_COLUMNS, toOwner } from '../rows/owners-rows.js';

export class PgOwners implements OwnerRepository {
  constructor(private readonly sql: PgContext) {}

  async list(): Promise<Owner[]> {
    return (await this.sql.rows<OwnerRow>(`SELECT ${OWNER_COLUMNS} FROM owners ORDER BY id`)).map(toOwner);
  }

  async get(id: string): Promise<Owner | null> {
    const row = await this.sql.one<OwnerRow>(`SELECT ${OWNER_COLUMNS} FROM owners WHERE id = $1`, [id]);
    return row ? toOwner(row) : null;
  }

  async create(owner: NewOwner, now: string): Promise<boolean> {
    const inserted = await this.sql.run(
      `INSERT INTO owners (${OWNER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (id) DO NOTHING`,
      [owner.id, owner.name, owner.kind, owner.email, owner.webhookUrl, owner.webhookSecret, now],
    );
    return inserted === 1;
  }

  update(id: string, patch: OwnerPatch, now: string): Promise<Owner | null> {
    return this.sql.atomic(async (sql) => {
      const row = await sql.one<OwnerRow>(`SELECT ${OWNER_COLUMNS} FROM owners WHERE id = $1 FOR UPDATE`, [
        id,
      ]);
      if (!row) return null;
      const next: Owner = { ...toOwner(row), ...patch, updatedAt: now };
      await sql.run(
        `UPDATE owners SET name = $1, kind = $2, email = $3, webhook_url = $4, webhook_secret = $5, updated_at = $6
         WHERE id = $7`,
        [next.name, next.kind, next.email, next.webhookUrl, next.webhookSecret, now, id],
      );
      return next;
    });
  }

  delete(id: string): Promise<boolean> {
    return this.sql.atomic(async (sql) => {
      await sql.run('DELETE FROM owner_lookup WHERE owner_id = $1', [id]);
      return (await sql.run('DELETE FROM owners WHERE id = $1', [id])) > 0;
    });
  }

  async lookup(): Promise<OwnerLookupEntry[]> {
    return (
      await this.sql.rows<{ category: IssueCategory; owner_id: string }>(
        'SELECT category, owner_id FROM owner_lookup ORDER BY category',
      )
    ).map((r) => ({ category: r.category, ownerId: r.owner_id }));
  }

  async setLookup(category: IssueCategory, ownerId: string | null): Promise<void> {
    if (ownerId === null) {
      await this.sql.run('DELETE FROM owner_lookup WHERE category = $1', [category]);
      return;
    }
    await this.sql.run(
      `INSERT INTO owner_lookup (category, owner_id) VALUES ($1, $2)
       ON CONFLICT (category) DO UPDATE SET owner_id = excluded.owner_id`,
      [category, ownerId],
    );
  }
}
