import type { IssueCategory, OwnerKind } from '@baton/schema';
// Moved to @baton/schema so the browser-safe API schemas can name them; re-exported unchanged.
export { ISSUE_CATEGORIES, OWNER_KINDS, type IssueCategory, type OwnerKind } from '@baton/schema';

/** A person or team that owns fields and sits in RACI rows; ids are what contracts reference. */
export interface Owner {
  id: string;
  name: string;
  kind: OwnerKind;
  email: string | null;
  /** Where notifications are POSTed (signed); null for in-app only. */
  webhookUrl: string | null;
  /** HMAC-SHA256 key for the webhook signature; never answered by the API. */
  webhookSecret: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NewOwner = Omit<Owner, 'createdAt' | 'updatedAt'>;
export type OwnerPatch = Partial<Omit<Owner, 'id' | 'createdAt' | 'updatedAt'>>;

export interface OwnerLookupEntry {
  category: IssueCategory;
  ownerId: string;
}

export interface OwnerRepository {
  list(): Promise<Owner[]>;
  get(id: string): Promise<Owner | null>;
  /** False when the id is taken. */
  create(owner: NewOwner, now: string): Promise<boolean>;
  update(id: string, patch: OwnerPatch, now: string): Promise<Owner | null>;
  /** Also removes the owner's lookup entries. False when there was no such owner. */
  delete(id: string): Promise<boolean>;
  lookup(): Promise<OwnerLookupEntry[]>;
  /** Sets (or, with null, clears) the owner of one category. */
  setLookup(category: IssueCategory, ownerId: string | null): Promise<void>;
}
