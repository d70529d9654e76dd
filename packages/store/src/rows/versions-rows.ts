import type {
  ChangeNote,
  NewVersion,
  RequiredSignOff,
  SignOff,
  VersionState,
  VersionSummary,
} from '../versions.js';
import { parseJson } from './parse-json.js';

export interface VersionRow {
  flow_id: string;
  version: number;
  state: VersionState;
  content_hash: string;
  change_note: string;
  created_at: string;
  published_at: string | null;
  author: string | null;
  required_sign_offs: string;
  sign_offs: string;
  approved_by: string | null;
  approved_at: string | null;
  approved_hash: string | null;
  rejected_by: string | null;
  rejected_at: string | null;
  review_note: string | null;
  published_by: string | null;
}

export interface VersionContentRow extends VersionRow {
  source: string;
  definition: string;
}

export const SUMMARY_COLUMNS = `flow_id, version, state, content_hash, change_note, created_at, published_at,
  author, required_sign_offs, sign_offs, approved_by, approved_at, approved_hash, rejected_by, rejected_at,
  review_note, published_by`;

/** Review columns a transition may set, by field name. */
export const REVIEW_COLUMNS = {
  signOffs: 'sign_offs',
  approvedBy: 'approved_by',
  approvedAt: 'approved_at',
  approvedHash: 'approved_hash',
  rejectedBy: 'rejected_by',
  rejectedAt: 'rejected_at',
  reviewNote: 'review_note',
} as const;

export function toSummary(row: VersionRow): VersionSummary {
  return {
    flowId: row.flow_id,
    version: row.version,
    state: row.state,
    contentHash: row.content_hash,
    changeNote: parseJson<ChangeNote>(row.change_note),
    createdAt: row.created_at,
    publishedAt: row.published_at,
    author: row.author,
    requiredSignOffs: parseJson<RequiredSignOff[]>(row.required_sign_offs),
    signOffs: parseJson<SignOff[]>(row.sign_offs),
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    approvedHash: row.approved_hash,
    rejectedBy: row.rejected_by,
    rejectedAt: row.rejected_at,
    reviewNote: row.review_note,
    publishedBy: row.published_by,
  };
}

/**
 * A new version's values in the INSERT's column order (flow_id, version, source … required_sign_offs;
 * the state is a literal in the SQL), as both backends insert them.
 */
export function newVersionParams(version: NewVersion, next: number): unknown[] {
  return [
    version.flowId,
    next,
    JSON.stringify(version.source),
    JSON.stringify(version.definition),
    version.definition.contentHash,
    JSON.stringify(version.changeNote),
    version.now,
    version.author ?? null,
    JSON.stringify(version.requiredSignOffs ?? []),
  ];
}
