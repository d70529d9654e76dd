import type { FastifyInstance } from 'fastify';
import { verifyAuditChain, type AuditEntry, type AuditFilter } from '@baton/store';
import { AuditCsv, AuditList, AuditQuery, AuditVerifyResponse, problems } from '@baton/schema/api';

const CSV_COLUMNS = [
  'seq',
  'at',
  'actor',
  'action',
  'targetKind',
  'targetId',
  'beforeHash',
  'afterHash',
  'reason',
  'details',
  'prevHash',
  'hash',
] as const;

/** RFC 4180 quoting; a leading =,+,-,@ is prefixed with ' so a spreadsheet never runs it as a formula. */
function csvCell(value: AuditEntry[keyof AuditEntry]): string {
  let text =
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) lines.push(CSV_COLUMNS.map((c) => csvCell(entry[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function filterOf(query: AuditQuery): AuditFilter {
  const filter: AuditFilter = {};
  if (query.actor) filter.actor = query.actor;
  if (query.action) filter.action = query.action;
  if (query.targetKind) filter.targetKind = query.targetKind;
  if (query.targetId) filter.targetId = query.targetId;
  if (query.from) filter.from = query.from;
  if (query.to) filter.to = query.to;
  if (query.cursor !== undefined) filter.beforeSeq = query.cursor;
  return filter;
}

/** The audit log: filtered pages, a CSV export and chain verification. */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: AuditQuery }>(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: AuditList, ...problems(400, 401) },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 100;
      const items = await app.store.audit.list({ ...filterOf(request.query), limit: limit + 1 });
      const page = items.slice(0, limit);
      return { items: page, nextCursor: items.length > limit ? (page.at(-1)?.seq ?? null) : null };
    },
  );

  app.get<{ Querystring: AuditQuery }>(
    '/api/audit.csv',
    {
      schema: {
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: AuditCsv, ...problems(400, 401) },
      },
    },
    async (request, reply) => {
      const entries = await app.store.audit.list({ ...filterOf(request.query), limit: 10_000 });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="baton-audit.csv"')
        .send(auditCsv(entries));
    },
  );

  app.get(
    '/api/audit/verify',
    { schema: { tags: ['audit'], response: { 200: AuditVerifyResponse, ...problems(401) } } },
    async () => {
      const entries = await app.store.audit.all();
      return { ...verifyAuditChain(entries), headHash: entries.at(-1)?.hash ?? null };
    },
  );
}
