import type {
  IssueCategory,
  NewOwner,
  Owner,
  OwnerLookupEntry,
  OwnerPatch,
  OwnerRepository,
} from '../owners.js';
import { isUniqueViolation, type SqlContext } from './sql-context.js';
import { type OwnerRow, OWNER_COLUMNS, toOwner } from '../rows/owners-rows.js';

export class SqliteOwners implements OwnerRepository {
  constructor(private readonly sql: SqlContext) {}

  list(): Promise<Owner[]> {
    return this.sql.gate(() =>
      (this.sql.stmt(`SELECT ${OWNER_COLUMNS} FROM owners ORDER BY id`).all() as OwnerRow[]).map(toOwner),
    );
  }

  get(id: string): Promise<Owner | null> {
    return this.sql.gate(() => {
      const row = this.sql.stmt(`SELECT ${OWNER_COLUMNS} FROM owners WHERE id = ?`).get(id) as
        OwnerRow | undefined;
      return row ? toOwner(row) : null;
    });
  }

  create(owner: NewOwner, now: string): Promise<boolean> {
    return this.sql.gate(() => {
      try {
        this.sql
          .stmt(`INSERT INTO owners (${OWNER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(
            owner.id,
            owner.name,
            owner.kind,
            owner.email,
            owner.webhookUrl,
            owner.webhookSecret,
            now,
            now,
          );
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    });
  }

  update(id: string, patch: OwnerPatch, now: string): Promise<Owner | null> {
    return this.sql.gate(() => {
      const row = this.sql.stmt(`SELECT ${OWNER_COLUMNS} FROM owners WHERE id = ?`).get(id) as
        OwnerRow | undefined;
      if (!row) return null;
      const next: Owner = { ...toOwner(row), ...patch, updatedAt: now };
      this.sql
        .stmt(
          'UPDATE owners SET name = ?, kind = ?, email = ?, webhook_url = ?, webhook_secret = ?, updated_at = ? WHERE id = ?',
        )
        .run(next.name, next.kind, next.email, next.webhookUrl, next.webhookSecret, now, id);
      return next;
    });
  }

  delete(id: string): Promise<boolean> {
    return this.sql.gate(() => {
      this.sql.stmt('DELETE FROM owner_lookup WHERE owner_id = ?').run(id);
      return this.sql.stmt('DELETE FROM owners WHERE id = ?').run(id).changes > 0;
    });
  }

  lookup(): Promise<OwnerLookupEntry[]> {
    return this.sql.gate(() =>
      (
        this.sql.stmt('SELECT category, owner_id FROM owner_lookup ORDER BY category').all() as Array<{
          category: IssueCategory;
          owner_id: string;
        }>
      ).map((r) => ({ category: r.category, ownerId: r.owner_id })),
    );
  }

  setLookup(category: IssueCategory, ownerId: string | null): Promise<void> {
    return this.sql.gate(() => {
      if (ownerId === null) this.sql.stmt('DELETE FROM owner_lookup WHERE category = ?').run(category);
      else
        this.sql
          .stmt(
            'INSERT INTO owner_lookup (category, owner_id) VALUES (?, ?) ON CONFLICT(category) DO UPDATE SET owner_id = excluded.owner_id',
          )
          .run(category, ownerId);
    });
  }
}
