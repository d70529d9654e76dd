import type { FlowSummary } from '../api/api-types';
import { request } from '../api/http';

/** A hand-off template as `GET /api/templates` describes it. */
export interface TemplateSummary {
  id: string;
  title: string;
  summary: string;
  fromSystem: string;
  toSystem: string;
  nodeCount: number;
  edgeCount: number;
  owners: string[];
  sampleRecords: unknown[];
}

export const templatesApi = {
  list: (signal?: AbortSignal) =>
    request<{ items: TemplateSummary[] }>('/api/templates', signal ? { signal } : {}),
  /** Creates a flow whose draft is a copy of the template (fresh node and edge ids, free slug). */
  createFlow: (templateId: string, name: string) =>
    request<FlowSummary>('/api/flows', { method: 'POST', body: { name, templateId } }),
};
