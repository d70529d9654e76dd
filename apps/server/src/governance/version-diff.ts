import { classifyContractChange, type ContractChange } from '@baton/contracts';
import { canonicalJson, type FlowSource, type Raci, type SourceEdge, type SourceNode } from '@baton/schema';

export type ChangeStatus = 'added' | 'removed' | 'changed';

export interface ConfigChange {
  /** Dotted path inside the node's config (`fields.2.to`), or `label`. */
  path: string;
  before: unknown;
  after: unknown;
}

export interface NodeDiff {
  id: string;
  kind: string;
  label: string;
  status: ChangeStatus;
  changes: ConfigChange[];
}

export interface RaciChange {
  row: string;
  role: 'responsible' | 'accountable' | 'consulted' | 'informed' | 'row';
  before: string[];
  after: string[];
}

export interface EdgeDiff {
  id: string;
  status: ChangeStatus;
  /** True when only its wiring (source/target) changed, not its contract or RACI. */
  rewired: boolean;
  contract: { breaking: boolean; changes: ContractChange[] };
  raci: RaciChange[];
}

export interface SourceDiff {
  nodes: NodeDiff[];
  edges: EdgeDiff[];
  breaking: boolean;
  summary: {
    nodesAdded: number;
    nodesRemoved: number;
    nodesChanged: number;
    edgesAdded: number;
    edgesRemoved: number;
    edgesChanged: number;
    breakingChanges: number;
  };
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Leaf-level differences between two JSON values, as dotted paths. */
function valueChanges(before: unknown, after: unknown, path: string, out: ConfigChange[]): void {
  if (same(before, after)) return;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (isObj(before) && isObj(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) valueChanges(before[key], after[key], path ? `${path}.${key}` : key, out);
    return;
  }
  out.push({ path: path || '(root)', before: before ?? null, after: after ?? null });
}

function nodeDiff(before: SourceNode | undefined, after: SourceNode | undefined): NodeDiff | null {
  const node = (after ?? before)!;
  const base = { id: node.id, kind: node.kind, label: node.label };
  if (!before) return { ...base, status: 'added', changes: [] };
  if (!after) return { ...base, status: 'removed', changes: [] };
  const changes: ConfigChange[] = [];
  if (before.label !== after.label) changes.push({ path: 'label', before: before.label, after: after.label });
  valueChanges(before.config, after.config, '', changes);
  return changes.length > 0 ? { ...base, status: 'changed', changes } : null;
}

const RACI_ROLES = ['responsible', 'accountable', 'consulted', 'informed'] as const;

function raciChanges(before: Raci | null, after: Raci | null): RaciChange[] {
  const rowsBefore = new Map((before?.rows ?? []).map((r) => [r.id, r]));
  const rowsAfter = new Map((after?.rows ?? []).map((r) => [r.id, r]));
  const out: RaciChange[] = [];
  for (const id of new Set([...rowsBefore.keys(), ...rowsAfter.keys()])) {
    const a = rowsBefore.get(id);
    const b = rowsAfter.get(id);
    if (!a || !b) {
      out.push({ row: id, role: 'row', before: a ? [id] : [], after: b ? [id] : [] });
      continue;
    }
    for (const role of RACI_ROLES) {
      if (!same([...a[role]].sort(), [...b[role]].sort()))
        out.push({ row: id, role, before: a[role], after: b[role] });
    }
  }
  return out;
}

function edgeDiff(before: SourceEdge | undefined, after: SourceEdge | undefined): EdgeDiff | null {
  const contract = classifyContractChange(before?.contract ?? null, after?.contract ?? null);
  const raci = raciChanges(before?.raci ?? null, after?.raci ?? null);
  const id = (after ?? before)!.id;
  if (!before) return { id, status: 'added', rewired: false, contract, raci };
  if (!after) return { id, status: 'removed', rewired: false, contract, raci };
  const rewired = !same(before.source, after.source) || !same(before.target, after.target);
  if (!rewired && contract.changes.length === 0 && raci.length === 0) return null;
  return { id, status: 'changed', rewired, contract, raci };
}

/**
 * What changed between two flow sources: nodes and edges added, removed or changed (matched
 * by their opaque ids), config changes per node, contract changes classified as breaking or
 * compatible, RACI changes. Layout is ignored, as it is by the content hash.
 */
export function diffSources(before: FlowSource, after: FlowSource): SourceDiff {
  const nodesBefore = new Map(before.nodes.map((n) => [n.id, n]));
  const nodesAfter = new Map(after.nodes.map((n) => [n.id, n]));
  const edgesBefore = new Map(before.edges.map((e) => [e.id, e]));
  const edgesAfter = new Map(after.edges.map((e) => [e.id, e]));
  const nodes = [...new Set([...nodesBefore.keys(), ...nodesAfter.keys()])]
    .map((id) => nodeDiff(nodesBefore.get(id), nodesAfter.get(id)))
    .filter((d): d is NodeDiff => d !== null);
  const edges = [...new Set([...edgesBefore.keys(), ...edgesAfter.keys()])]
    .map((id) => edgeDiff(edgesBefore.get(id), edgesAfter.get(id)))
    .filter((d): d is EdgeDiff => d !== null);
  const count = <T extends { status: ChangeStatus }>(list: T[], status: ChangeStatus) =>
    list.filter((d) => d.status === status).length;
  const breakingChanges = edges.reduce((n, e) => n + e.contract.changes.filter((c) => c.breaking).length, 0);
  return {
    nodes,
    edges,
    breaking: breakingChanges > 0,
    summary: {
      nodesAdded: count(nodes, 'added'),
      nodesRemoved: count(nodes, 'removed'),
      nodesChanged: count(nodes, 'changed'),
      edgesAdded: count(edges, 'added'),
      edgesRemoved: count(edges, 'removed'),
      edgesChanged: count(edges, 'changed'),
      breakingChanges,
    },
  };
}
