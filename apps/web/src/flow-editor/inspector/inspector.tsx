import type { ReactNode } from 'react';
import type { SourceNode } from '@baton/schema';
import { useEditor, useEditorStoreApi } from '../store/editor-store-context';
import { removeElements } from '../commands/selection-commands';
import { renameNode } from '../commands/node-commands';
import { kindSpec } from '../kinds/kind-catalog';
import { Glyph } from '../../ui/glyph';
import { kindColor } from '../../trace/kind-look';
import { TextField } from './form-fields';
import { TriggerForm } from './trigger-form';
import { MappingForm } from './mapping-form';
import { ValidationForm } from './validation-form';
import { WriteForm } from './write-form';
import { LogForm } from './log-form';
import { EdgePanel } from './edge-panel';
import { NodeDiagnostics } from './node-diagnostics';
import './inspector.css';

/** The right-hand panel: the selected node's form, the selected edge's contract and RACI, or tips. */
export function Inspector() {
  const selection = useEditor((s) => s.selection);
  const node = useEditor((s) =>
    s.selection.nodes.length === 1 && s.selection.edges.length === 0
      ? s.source.nodes.find((n) => n.id === s.selection.nodes[0])
      : undefined,
  );
  const edge = useEditor((s) =>
    s.selection.edges.length === 1 && s.selection.nodes.length === 0
      ? s.source.edges.find((e) => e.id === s.selection.edges[0])
      : undefined,
  );
  const store = useEditorStoreApi();
  const count = selection.nodes.length + selection.edges.length;

  if (node) return <NodeInspector key={node.id} node={node} />;
  if (edge) return <EdgePanel key={edge.id} edge={edge} />;
  if (count > 1) {
    return (
      <div className="inspector-body inspector-tips" aria-label="Inspector">
        <h2>{count} items selected</h2>
        <p className="muted">Select a single node or connection to edit it.</p>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() =>
            store.getState().perform(removeElements, { nodeIds: selection.nodes, edgeIds: selection.edges })
          }
        >
          Delete selection
        </button>
      </div>
    );
  }
  return (
    <div className="inspector-body inspector-tips" aria-label="Inspector">
      <div className="inspector-tips-icon" aria-hidden="true">
        <Glyph name="mouse-pointer-click" size={22} />
      </div>
      <h2>Select a node or edge…</h2>
      <p className="muted">…to configure it here.</p>
      <ul>
        <li>Drag nodes from the palette onto the canvas.</li>
        <li>Connect an output (right) to an input (left).</li>
        <li>Click a connection to agree its data contract and RACI.</li>
        <li>
          <kbd>Delete</kbd> removes the selection; <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes.
        </li>
      </ul>
    </div>
  );
}

const FORMS: Record<SourceNode['kind'], (props: { node: SourceNode }) => ReactNode> = {
  trigger: TriggerForm,
  mapping: MappingForm,
  validation: ValidationForm,
  write: WriteForm,
  log: LogForm,
};

function NodeInspector({ node }: { node: SourceNode }) {
  const store = useEditorStoreApi();
  const spec = kindSpec(node.kind);
  const Form = FORMS[node.kind];
  return (
    <div
      className="inspector-body"
      aria-label="Node inspector"
      style={{ ['--kind-color' as string]: kindColor(node.kind) }}
    >
      <header className="inspector-head">
        <span className="inspector-glyph">
          <Glyph name={spec?.palette.glyph ?? node.kind} size={18} />
        </span>
        <div>
          <div className="inspector-kind">{spec?.title ?? node.kind}</div>
          <h2 className="inspector-title">{node.label}</h2>
        </div>
      </header>
      {spec ? <p className="inspector-desc">{spec.description}</p> : null}
      <NodeDiagnostics id={node.id} />
      <div className="inspector-section">
        <TextField
          label="Label"
          value={node.label}
          onChange={(label) =>
            store.getState().perform(renameNode, { id: node.id, label }, { coalesce: `${node.id}:label` })
          }
        />
      </div>
      <Form node={node} />
      <div className="inspector-footer">
        <span className="faint mono">{node.id}</span>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => store.getState().perform(removeElements, { nodeIds: [node.id], edgeIds: [] })}
        >
          Delete node
        </button>
      </div>
    </div>
  );
}
