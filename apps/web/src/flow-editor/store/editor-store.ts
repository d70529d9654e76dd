import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Diagnostic, FlowSource, Position } from '@baton/schema';
import type { Command } from '../commands/command';

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

export interface DiagnosticCount {
  errors: number;
  warnings: number;
}

export interface EditorState {
  flowId: string;
  source: FlowSource;
  /** Bumped on every change of `source`; autosave compares it with `savedRevision`. */
  revision: number;
  savedRevision: number;
  saveState: SaveState;
  saveError: string | null;
  selection: Selection;
  past: FlowSource[];
  future: FlowSource[];
  diagnostics: Diagnostic[];
  /** Per node/edge id, so each canvas element subscribes to its own count only. */
  diagnosticCounts: Record<string, DiagnosticCount>;
  /**
   * View-only state, never saved and never undone: positions while a drag is in progress (the
   * command runs once on drag end) and the sizes React Flow measured (a controlled React Flow
   * loses them, and hides the nodes, if the node objects we pass do not carry them).
   */
  livePositions: Record<string, Position>;
  measured: Record<string, { width: number; height: number }>;
  /** The last command performed (null after undo/redo): lets hooks react to e.g. an import. */
  lastCommand: string | null;
  /** View preferences, never saved with the flow: snap dragged nodes to the grid. */
  snapToGrid: boolean;
  /** The node whose label is being edited inline on the canvas (double-click or F2). */
  renamingId: string | null;

  /**
   * Runs a command and pushes one undo entry. `coalesce` merges a burst of edits of the same
   * setting (typing in a text field) into one entry: same key, less than COALESCE_MS apart.
   */
  perform<A>(command: Command<A>, args: A, options?: PerformOptions): void;
  undo(): void;
  redo(): void;
  select(selection: Selection): void;
  setLivePositions(positions: Record<string, Position> | null): void;
  setMeasured(sizes: Record<string, { width: number; height: number }>): void;
  setDiagnostics(diagnostics: Diagnostic[]): void;
  setSnapToGrid(on: boolean): void;
  setRenaming(id: string | null): void;
  markSaving(): void;
  markSaved(revision: number): void;
  markSaveFailed(message: string): void;
}

export type EditorStore = StoreApi<EditorState>;

export interface PerformOptions {
  coalesce?: string;
}

const HISTORY_LIMIT = 200;
const COALESCE_MS = 1500;
const NO_SELECTION: Selection = { nodes: [], edges: [] };

/** One store per open flow: created by `EditorStoreProvider`, never a module-level singleton. */
export function createEditorStore(flowId: string, initial: FlowSource): EditorStore {
  // Last coalescable edit: kept outside the state because nothing renders from it.
  let lastEdit: { key: string; at: number } | null = null;

  return createStore<EditorState>()((set, get) => ({
    flowId,
    source: initial,
    revision: 0,
    savedRevision: 0,
    saveState: 'saved',
    saveError: null,
    selection: NO_SELECTION,
    past: [],
    future: [],
    diagnostics: [],
    diagnosticCounts: {},
    livePositions: {},
    measured: {},
    lastCommand: null,
    snapToGrid: true,
    renamingId: null,

    perform(command, args, options) {
      const { source, past, revision } = get();
      const next = command(source, args);
      // Commands return their input unchanged for no-ops: no empty undo entries, no needless save.
      if (next === source) return;
      const now = Date.now();
      const key = options?.coalesce;
      const merge =
        key !== undefined && lastEdit?.key === key && now - lastEdit.at < COALESCE_MS && past.length > 0;
      lastEdit = key === undefined ? null : { key, at: now };
      set({
        source: next,
        past: merge ? past : [...past, source].slice(-HISTORY_LIMIT),
        future: [],
        revision: revision + 1,
        saveState: 'unsaved',
        selection: pruneSelection(get().selection, next),
        lastCommand: command.commandName,
      });
    },

    undo() {
      lastEdit = null;
      const { past, future, source, revision } = get();
      const previous = past.at(-1);
      if (!previous) return;
      set({
        source: previous,
        past: past.slice(0, -1),
        future: [source, ...future],
        lastCommand: null,
        revision: revision + 1,
        saveState: 'unsaved',
        selection: pruneSelection(get().selection, previous),
      });
    },

    redo() {
      lastEdit = null;
      const { past, future, source, revision } = get();
      const next = future[0];
      if (!next) return;
      set({
        source: next,
        past: [...past, source],
        future: future.slice(1),
        lastCommand: null,
        revision: revision + 1,
        saveState: 'unsaved',
        selection: pruneSelection(get().selection, next),
      });
    },

    select(selection) {
      const current = get().selection;
      if (sameIds(current.nodes, selection.nodes) && sameIds(current.edges, selection.edges)) return;
      set({ selection });
    },

    setLivePositions(positions) {
      set({ livePositions: positions ?? {} });
    },

    setMeasured(sizes) {
      set({ measured: { ...get().measured, ...sizes } });
    },

    setDiagnostics(diagnostics) {
      // Every edit compiles again, and most edits (a node moved, a field renamed) leave the problems
      // as they were: keeping the previous array and count objects then re-renders nothing, where new
      // ones re-rendered the problem list and every node and edge in view that has a problem.
      const state = get();
      if (sameDiagnostics(state.diagnostics, diagnostics)) return;
      set({
        diagnostics,
        diagnosticCounts: reuseCounts(state.diagnosticCounts, countDiagnostics(diagnostics)),
      });
    },

    setSnapToGrid(snapToGrid) {
      set({ snapToGrid });
    },

    setRenaming(renamingId) {
      set({ renamingId });
    },

    markSaving() {
      set({ saveState: 'saving', saveError: null });
    },

    markSaved(savedRevision) {
      // A change made while the PUT was in flight keeps the state "unsaved" for the next round.
      set({
        savedRevision,
        saveState: get().revision === savedRevision ? 'saved' : 'unsaved',
        saveError: null,
      });
    },

    markSaveFailed(message) {
      set({ saveState: 'error', saveError: message });
    },
  }));
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): Record<string, DiagnosticCount> {
  const counts: Record<string, DiagnosticCount> = {};
  for (const d of diagnostics) {
    for (const id of [d.nodeId, d.edgeId]) {
      if (!id) continue;
      const count = (counts[id] ??= { errors: 0, warnings: 0 });
      if (d.severity === 'error') count.errors += 1;
      else if (d.severity === 'warning') count.warnings += 1;
    }
  }
  return counts;
}

const DIAGNOSTIC_FIELDS = ['code', 'severity', 'message', 'nodeId', 'edgeId', 'path'] as const;

export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return (
    a.length === b.length && a.every((d, i) => DIAGNOSTIC_FIELDS.every((field) => d[field] === b[i]?.[field]))
  );
}

/** The new counts, with the previous object kept for every id whose counts did not change. */
function reuseCounts(
  previous: Record<string, DiagnosticCount>,
  next: Record<string, DiagnosticCount>,
): Record<string, DiagnosticCount> {
  for (const [id, count] of Object.entries(next)) {
    const old = previous[id];
    if (old && old.errors === count.errors && old.warnings === count.warnings) next[id] = old;
  }
  return next;
}

function pruneSelection(selection: Selection, source: FlowSource): Selection {
  const nodes = selection.nodes.filter((id) => source.nodes.some((n) => n.id === id));
  const edges = selection.edges.filter((id) => source.edges.some((e) => e.id === id));
  return nodes.length === selection.nodes.length && edges.length === selection.edges.length
    ? selection
    : { nodes, edges };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
