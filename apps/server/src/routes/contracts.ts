import type { FastifyInstance } from 'fastify';
import { compile } from '@baton/compiler';
import {
  classifyContractChange,
  ContractImportError,
  contractToJsonSchema,
  contractToOdcs,
  inferContract,
  jsonSchemaToContract,
  odcsToContract,
} from '@baton/contracts';
import { Contract, emptyContract, type FlowSource } from '@baton/schema';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import {
  ChangesQuery,
  ChangesResponse,
  ClassifyBody,
  ContractChangeReportView,
  ContractResponse,
  EdgeParams,
  EdgeStats,
  FlowIdParams,
  ImportBody,
  ImportResponse,
  InferBody,
  problems,
} from '@baton/schema/api';
import { NotFoundProblem, Problem } from '../problems.js';
import { strictValidators } from '../strict-validators.js';

const contractCheck = TypeCompiler.Compile(Contract);

async function draftEdge(app: FastifyInstance, flowId: string, edgeId: string) {
  const draft = await app.store.flows.getDraft(flowId);
  if (!draft) throw new NotFoundProblem('flow_not_found', `no flow ${flowId}`);
  const edge = draft.source.edges.find((e) => e.id === edgeId);
  if (!edge) throw new NotFoundProblem('edge_not_found', `flow ${flowId} has no edge ${edgeId}`);
  return { source: draft.source, edge };
}

function importFailed(detail: string, extensions: Record<string, unknown> = {}): Problem {
  return new Problem(422, 'contract_import_failed', detail, extensions);
}

function parseDocument(format: ImportBody['format'], document: unknown) {
  try {
    if (format === 'odcs') {
      if (typeof document !== 'string') throw importFailed('an ODCS document is sent as YAML text');
      return odcsToContract(document);
    }
    return jsonSchemaToContract(typeof document === 'string' ? JSON.parse(document) : document);
  } catch (error) {
    if (error instanceof ContractImportError)
      throw importFailed(error.message, { reason: error.code, path: error.path });
    if (error instanceof SyntaxError)
      throw importFailed(`not JSON: ${error.message}`, { reason: 'not_a_json_schema', path: '' });
    throw error;
  }
}

/**
 * Edge contracts as documents: export and import (JSON Schema 2020-12, ODCS v3 YAML), the
 * change classification between the draft and a version, inference from a sample record.
 */
export async function contractRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['contracts'];

  app.get<{ Params: EdgeParams }>(
    '/api/flows/:id/edges/:edgeId/contract/json-schema',
    {
      schema: {
        tags,
        params: EdgeParams,
        response: { 200: { type: 'object', additionalProperties: true }, ...problems(404) },
      },
    },
    async (request, reply) => {
      const { edge } = await draftEdge(app, request.params.id, request.params.edgeId);
      const schema = contractToJsonSchema(edge.contract ?? emptyContract());
      reply.header(
        'content-disposition',
        `attachment; filename="${request.params.id}.${edge.id}.schema.json"`,
      );
      return schema;
    },
  );

  app.get<{ Params: EdgeParams }>(
    '/api/flows/:id/edges/:edgeId/contract/odcs',
    {
      schema: {
        tags,
        params: EdgeParams,
        produces: ['application/yaml'],
        response: {
          200: {
            description: 'ODCS v3 YAML',
            content: { 'application/yaml': { schema: { type: 'string' } } },
          },
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { id, edgeId } = request.params;
      const { source, edge } = await draftEdge(app, id, edgeId);
      const flow = await app.store.flows.get(id);
      const yaml = contractToOdcs(edge.contract ?? emptyContract(), {
        id: `${id}.${edge.id}`,
        name: `${flow?.name ?? id}: ${edgeName(source, edge.id)}`,
        objectName: edge.id,
      });
      reply.header('content-disposition', `attachment; filename="${id}.${edge.id}.odcs.yaml"`);
      return reply.type('application/yaml; charset=utf-8').send(yaml);
    },
  );

  app.post<{ Params: EdgeParams; Body: ImportBody }>(
    '/api/flows/:id/edges/:edgeId/contract/import',
    {
      schema: {
        tags,
        params: EdgeParams,
        body: ImportBody,
        response: { 200: ImportResponse, ...problems(400, 404, 422) },
      },
    },
    async (request) => {
      const { id, edgeId } = request.params;
      const { source, edge } = await draftEdge(app, id, edgeId);
      const contract = parseDocument(request.body.format, request.body.document);
      if (!contractCheck.Check(contract))
        throw importFailed('the document maps to an invalid contract', {
          reason: 'unsupported_construct',
          path: '',
        });
      const report = classifyContractChange(edge.contract, contract);
      const next: FlowSource = {
        ...source,
        edges: source.edges.map((e) => (e.id === edgeId ? { ...e, contract } : e)),
      };
      const applied = request.body.apply === true;
      if (applied) await app.store.flows.saveDraft(id, next, app.clock.now().toISOString());
      const diagnostics = compile(next).diagnostics.filter((d) => d.edgeId === edgeId);
      return { contract, applied, report, diagnostics };
    },
  );

  app.get<{ Params: EdgeParams; Querystring: ChangesQuery }>(
    '/api/flows/:id/edges/:edgeId/contract/changes',
    {
      schema: {
        tags,
        params: EdgeParams,
        querystring: ChangesQuery,
        response: { 200: ChangesResponse, ...problems(400, 404) },
      },
    },
    async (request) => {
      const { id, edgeId } = request.params;
      const { edge } = await draftEdge(app, id, edgeId);
      const against = request.query.against ?? 'published';
      const number =
        against === 'published'
          ? ((await app.store.flows.get(id))?.publishedVersion ?? null)
          : Number(against);
      if (number === null) return { against: null, report: classifyContractChange(null, edge.contract) };
      const version = await app.store.versions.get(id, number);
      if (!version) throw new NotFoundProblem('version_not_found', `flow ${id} has no version ${number}`);
      const before = version.source.edges.find((e) => e.id === edgeId)?.contract ?? null;
      return { against: number, report: classifyContractChange(before, edge.contract) };
    },
  );

  app.get<{ Params: FlowIdParams }>(
    '/api/flows/:id/edge-stats',
    { schema: { tags, params: FlowIdParams, response: { 200: EdgeStats, ...problems(404) } } },
    async (request) => {
      if (!(await app.store.flows.get(request.params.id)))
        throw new NotFoundProblem('flow_not_found', `no flow ${request.params.id}`);
      // "Recent" for the canvas badge: the last seven days.
      const since = new Date(app.clock.now().getTime() - 7 * 24 * 3600_000).toISOString();
      return { items: await app.store.notifications.rejectionsByEdge(request.params.id, since) };
    },
  );

  app.post<{ Body: ClassifyBody }>(
    '/api/contracts/classify',
    {
      schema: { tags, body: ClassifyBody, response: { 200: ContractChangeReportView, ...problems(400) } },
      // Contracts hold defaults inside unions, which Fastify's shared Ajv cannot compile.
      validatorCompiler: strictValidators({ body: ClassifyBody }),
    },
    async (request) => classifyContractChange(request.body.before, request.body.after),
  );

  app.post<{ Body: InferBody }>(
    '/api/contracts/infer',
    { schema: { tags, body: InferBody, response: { 200: ContractResponse, ...problems(400) } } },
    async (request) => ({ contract: inferContract(request.body.sample, request.body.extraFields ?? 'drop') }),
  );
}

function edgeName(source: FlowSource, edgeId: string): string {
  const edge = source.edges.find((e) => e.id === edgeId);
  const label = (id: string) => source.nodes.find((n) => n.id === id)?.label ?? id;
  return edge ? `${label(edge.source.node)} → ${label(edge.target.node)}` : edgeId;
}
