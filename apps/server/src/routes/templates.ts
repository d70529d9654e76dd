import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { FlowSource } from '@baton/schema';
import { TemplateList, type TemplateSummary } from '@baton/schema/api';
import { flowSourceErrors, isFlowSource } from '../flow-source-check.js';

/** A template as read from disk: the summary plus the flow source it instantiates. */
export interface Template {
  summary: TemplateSummary;
  source: FlowSource;
}

interface TemplateMeta {
  title: string;
  summary: string;
  fromSystem: string;
  toSystem: string;
}

// Folder names become template ids and are joined into a path, so only plain slugs count.
const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Reads every `examples/templates/<id>/` (flow.json, template.json, sample-records.jsonl). The
 * folder is read on each call: templates are few and small, and an edited template shows up
 * without a restart. A missing folder means no templates, not an error (a bundle copied away).
 */
export async function loadTemplates(examplesDir: string): Promise<Template[]> {
  const root = join(examplesDir, 'templates');
  let entries: string[];
  try {
    entries = (await readdir(root, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && TEMPLATE_ID.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
  return Promise.all(entries.map((id) => readTemplate(root, id)));
}

export async function findTemplate(examplesDir: string, id: string): Promise<Template | null> {
  if (!TEMPLATE_ID.test(id)) return null;
  const all = await loadTemplates(examplesDir);
  return all.find((t) => t.summary.id === id) ?? null;
}

async function readTemplate(root: string, id: string): Promise<Template> {
  const dir = join(root, id);
  const source: unknown = JSON.parse(await readFile(join(dir, 'flow.json'), 'utf8'));
  // A broken template is a packaging bug: fail loudly with the file and the first error.
  if (!isFlowSource(source)) {
    const first = flowSourceErrors(source)[0];
    throw new Error(`${dir}/flow.json is not a flow source: ${first?.path} ${first?.message}`);
  }
  const meta = JSON.parse(await readFile(join(dir, 'template.json'), 'utf8')) as TemplateMeta;
  const samples = (await readFile(join(dir, 'sample-records.jsonl'), 'utf8').catch(() => ''))
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as unknown);
  return {
    source,
    summary: {
      id,
      title: meta.title,
      summary: meta.summary,
      fromSystem: meta.fromSystem,
      toSystem: meta.toSystem,
      nodeCount: source.nodes.length,
      edgeCount: source.edges.length,
      owners: ownersOf(source),
      sampleRecords: samples,
    },
  };
}

function ownersOf(source: FlowSource): string[] {
  const owners = new Set<string>();
  for (const edge of source.edges) {
    for (const field of edge.contract?.fields ?? []) if (field.owner) owners.add(field.owner);
    for (const row of edge.raci?.rows ?? [])
      for (const id of [...row.responsible, ...row.accountable, ...row.consulted, ...row.informed])
        owners.add(id);
  }
  for (const node of source.nodes) {
    const rules = node.config['rules'];
    if (!Array.isArray(rules)) continue;
    for (const rule of rules as { owner?: unknown }[])
      if (typeof rule.owner === 'string' && rule.owner) owners.add(rule.owner);
  }
  return [...owners].sort();
}

/**
 * The template's source with fresh node and edge ids (same shape as the editor's ids), so a flow
 * made from a template looks like one drawn by hand and two flows from one template share no ids.
 */
export function instantiateTemplate(source: FlowSource): FlowSource {
  const nodeIds = new Map(source.nodes.map((n) => [n.id, `n_${randomId()}`]));
  const node = (id: string) => nodeIds.get(id) ?? id;
  return {
    ...structuredClone(source),
    nodes: source.nodes.map((n) => ({ ...structuredClone(n), id: node(n.id) })),
    edges: source.edges.map((e) => ({
      ...structuredClone(e),
      id: `e_${randomId()}`,
      source: { ...e.source, node: node(e.source.node) },
      target: { ...e.target, node: node(e.target.node) },
    })),
    layout: {
      ...source.layout,
      nodes: Object.fromEntries(Object.entries(source.layout.nodes).map(([id, p]) => [node(id), { ...p }])),
    },
  };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
function randomId(): string {
  return [...randomBytes(8)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

export interface TemplateRoutesOptions {
  examplesDir: string;
}

export async function templateRoutes(app: FastifyInstance, options: TemplateRoutesOptions): Promise<void> {
  app.get('/api/templates', { schema: { tags: ['flows'], response: { 200: TemplateList } } }, async () => ({
    items: (await loadTemplates(options.examplesDir)).map((t) => t.summary),
  }));
}
