import type * as Api from '@baton/schema/api';
import type { Static } from '@baton/schema/api';
import type { CreateFlowRequest, FlowSummary } from '../api/api-types';
import { request } from '../api/http';

/** A hand-off template as `GET /api/templates` describes it (the server's schema). */
export type TemplateSummary = Static<typeof Api.TemplateSummary>;

export const templatesApi = {
  list: (signal?: AbortSignal) =>
    request<Static<typeof Api.TemplateList>>('/api/templates', signal ? { signal } : {}),
  /** Creates a flow whose draft is a copy of the template (fresh node and edge ids, free slug). */
  createFlow: (templateId: string, name: string) =>
    request<FlowSummary>('/api/flows', {
      method: 'POST',
      body: { name, templateId } satisfies CreateFlowRequest,
    }),
};
