import type { FlowSummary } from '../flows.js';

export interface FlowRow {
  id: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
  published_version: number | null;
  latest_version: number | null;
  run_count: number;
}

export function toSummary(row: FlowRow): FlowSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedVersion: row.published_version,
    latestVersion: row.latest_version,
    runCount: row.run_count,
  };
}
