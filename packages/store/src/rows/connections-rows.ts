import type { ConnectionKind, ConnectionRecord } from '../connections.js';
import { parseJson } from './parse-json.js';

export interface ConnectionRow {
  name: string;
  kind: ConnectionKind;
  config: string;
  secret: string | null;
  created_at: string;
  updated_at: string;
}

export const toRecord = (row: ConnectionRow): ConnectionRecord => ({
  name: row.name,
  kind: row.kind,
  config: parseJson<Record<string, unknown>>(row.config),
  secret: row.secret,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
