import { useCallback, useRef, useState } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { Diagnostic, NodeKind, Position } from '@baton/schema';
import type { FlowDetail } from '../api/api-types';
import { useEditorStoreApi } from './store/editor-store-context';
import { addNode } from './commands/node-commands';
import { addNodeAfter } from './commands/add-after-commands';
import { newEdgeId, newNodeId } from './commands/ids';
import { kindSpec, newNodeOfKind } from './kinds/kind-catalog';
import { useEditorActions } from './clipboard/use-editor-actions';
import { useCanvasShortcuts } from './shortcuts/use-canvas-shortcuts';
import { ShortcutHelp } from './shortcuts/shortcut-help';
import { useLayoutOnImport } from './layout/use-layout-on-import';
import { CHAIN_STEP_X } from './layout/auto-layout';
import { ANIMATED_FIT } from './canvas/fit-view';
import { CanvasTools } from './toolbar/canvas-tools';
import { useLiveDiagnostics } from './diagnostics/use-live-diagnostics';
import { useAutosave } from './autosave/use-autosave';
import { useUndoShortcuts } from './use-undo-shortcuts';
import { EditorToolbar, type EditorView } from './toolbar/editor-toolbar';
import { Palette } from './palette/palette';
import { EditorDnd } from './palette/editor-dnd';
import { FlowCanvas, GRID } from './canvas/flow-canvas';
import { Inspector } from './inspector/inspector';
import { DiagnosticsPanel } from './diagnostics/diagnostics-panel';
import { JsonView } from './json-view/json-view';
import { TestRunPanel } from './test-run/test-run-panel';
import { PublishDialog } from './publish/publish-dialog';
import { VersionHistoryPanel } from '../governance/version-history-panel';
import './flow-editor.css';

export interface FlowEditorProps {
  flow: FlowDetail;
  onPublished: (version: number) => void;
}

/** The editor for one open flow; expects an `EditorStoreProvider` above it. */
export function FlowEditor(props: FlowEditorProps) {
  return (
    <ReactFlowProvider>
      <FlowEditorLayout {...props} />
    </ReactFlowProvider>
  );
}

type RightTab = 'inspector' | 'test-run' | 'versions';

function FlowEditorLayout({ flow, onPublished }: FlowEditorProps) {
  const store = useEditorStoreApi();
  const { screenToFlowPosition, fitView } = useReactFlow();
  useLiveDiagnostics();
  useUndoShortcuts();
  const flushSave = useAutosave();
  const [view, setView] = useState<EditorView>('canvas');
  const [rightTab, setRightTab] = useState<RightTab>('inspector');
  const [publishing, setPublishing] = useState(false);
  const stageRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const actions = useEditorActions();
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const focusPaletteSearch = useCallback(() => searchRef.current?.focus(), []);
  useCanvasShortcuts({ actions, openHelp, focusPaletteSearch });
  useLayoutOnImport(GRID);

  const addKind = useCallback(
    (kind: NodeKind, position: Position) => {
      const state = store.getState();
      const node = newNodeOfKind(kind, newNodeId(), state.source.nodes);
      state.perform(addNode, { node, position });
      // Select the new node so its form is right there to fill in.
      state.select({ nodes: [node.id], edges: [] });
      setRightTab('inspector');
    },
    [store],
  );

  const addAtCentre = useCallback(
    (kind: NodeKind) => {
      const state = store.getState();
      // With one node selected, the keyboard builds a chain: the new node goes to its right,
      // wired from its first free output, as one undo entry.
      const afterId = state.selection.nodes.length === 1 ? state.selection.nodes[0] : undefined;
      const after = afterId ? state.source.layout.nodes[afterId] : undefined;
      if (afterId && after) {
        const node = newNodeOfKind(kind, newNodeId(), state.source.nodes);
        const siblings = state.source.edges.filter((e) => e.source.node === afterId).length;
        state.perform(addNodeAfter, {
          node,
          position: { x: after.x + CHAIN_STEP_X, y: after.y + siblings * 140 },
          afterId,
          edgeId: newEdgeId(),
          specOf: kindSpec,
        });
        state.select({ nodes: [node.id], edges: [] });
        setRightTab('inspector');
        // Keep the chain in view as it grows past the edge of the canvas.
        const rect = stageRef.current?.getBoundingClientRect();
        const placed = store.getState().source.layout.nodes[node.id];
        if (rect && placed) {
          const far = screenToFlowPosition({ x: rect.right, y: rect.bottom });
          if (placed.x + 220 > far.x || placed.y + 80 > far.y)
            requestAnimationFrame(() => void fitView(ANIMATED_FIT));
        }
        return;
      }
      const rect = stageRef.current?.getBoundingClientRect();
      if (!rect) return;
      const centre = screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      const offset = state.source.nodes.length * 12; // so repeated adds do not stack exactly
      addKind(kind, { x: centre.x - 110 + offset, y: centre.y - 32 + offset });
    },
    [addKind, fitView, screenToFlowPosition, store],
  );

  const reveal = useCallback(
    (diagnostic: Diagnostic) => {
      const state = store.getState();
      setView('canvas');
      setRightTab('inspector');
      if (diagnostic.nodeId && !diagnostic.edgeId) {
        state.select({ nodes: [diagnostic.nodeId], edges: [] });
        void fitView({ nodes: [{ id: diagnostic.nodeId }], duration: 300, maxZoom: 1.2, padding: 0.6 });
      } else if (diagnostic.edgeId) {
        const edge = state.source.edges.find((e) => e.id === diagnostic.edgeId);
        state.select({ nodes: [], edges: [diagnostic.edgeId] });
        if (edge)
          void fitView({
            nodes: [{ id: edge.source.node }, { id: edge.target.node }],
            duration: 300,
            maxZoom: 1.2,
            padding: 0.4,
          });
      }
    },
    [fitView, store],
  );

  const selectNode = useCallback(
    (nodeId: string) => {
      if (store.getState().source.nodes.some((n) => n.id === nodeId))
        store.getState().select({ nodes: [nodeId], edges: [] });
    },
    [store],
  );

  return (
    <div className="flow-editor">
      <EditorToolbar
        flow={flow}
        view={view}
        onViewChange={setView}
        testRunOpen={rightTab === 'test-run'}
        onToggleTestRun={() => setRightTab((t) => (t === 'test-run' ? 'inspector' : 'test-run'))}
        onPublish={() => setPublishing(true)}
        onRetrySave={() => void flushSave().catch(() => undefined)}
      />
      <EditorDnd onDropKind={addKind}>
        <div className="flow-editor-body">
          <Palette onAdd={addAtCentre} searchRef={searchRef} />
          <div className="flow-editor-center">
            <div className="flow-editor-stage" ref={stageRef}>
              <FlowCanvas />
              {view === 'canvas' ? <CanvasTools actions={actions} onHelp={openHelp} /> : null}
              {/* The JSON view lies over the canvas instead of replacing it, so the viewport survives. */}
              {view === 'json' ? (
                <div className="flow-editor-overlay">
                  <JsonView />
                </div>
              ) : null}
            </div>
            <DiagnosticsPanel onReveal={reveal} />
          </div>
          <aside className="flow-editor-right" aria-label="Side panel">
            <div className="right-tabs" role="tablist" aria-label="Side panel">
              <button
                type="button"
                role="tab"
                aria-selected={rightTab === 'inspector'}
                className={rightTab === 'inspector' ? 'is-active' : ''}
                onClick={() => setRightTab('inspector')}
              >
                Inspector
              </button>
              <button
                type="button"
                role="tab"
                aria-selected={rightTab === 'test-run'}
                className={rightTab === 'test-run' ? 'is-active' : ''}
                onClick={() => setRightTab('test-run')}
              >
                Test run
              </button>
              <button
                type="button"
                role="tab"
                aria-selected={rightTab === 'versions'}
                className={rightTab === 'versions' ? 'is-active' : ''}
                onClick={() => setRightTab('versions')}
              >
                Versions
              </button>
            </div>
            <div className="right-content">
              {rightTab === 'inspector' ? <Inspector /> : null}
              {rightTab === 'test-run' ? (
                <TestRunPanel flushSave={flushSave} onSelectNode={selectNode} />
              ) : null}
              {rightTab === 'versions' ? (
                <VersionHistoryPanel
                  flowId={flow.id}
                  onChanged={() => onPublished(flow.publishedVersion ?? 0)}
                />
              ) : null}
            </div>
          </aside>
        </div>
      </EditorDnd>
      {helpOpen ? <ShortcutHelp onClose={() => setHelpOpen(false)} /> : null}
      {publishing ? (
        <PublishDialog
          flowId={flow.id}
          flushSave={flushSave}
          onClose={() => setPublishing(false)}
          onPublished={(version) => {
            onPublished(version);
            setRightTab('versions');
          }}
        />
      ) : null}
    </div>
  );
}
