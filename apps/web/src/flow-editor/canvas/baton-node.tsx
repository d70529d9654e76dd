import { memo, useState } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useEditor, useEditorStoreApi } from '../store/editor-store-context';
import { renameNode } from '../commands/node-commands';
import { nodeById } from './node-index';
import { kindSpec } from '../kinds/kind-catalog';
import { nodeSummary } from '../kinds/node-summary';
import { Glyph } from '../../ui/glyph';
import { kindColor } from '../../trace/kind-look';
import type { CanvasNode } from './to-react-flow';
import { compactLabel } from './level-of-detail';

/**
 * The one node view for every kind; its look (glyph, colour, ports) comes from the kind's spec.
 * It subscribes to its own node by id, so editing one node's config re-renders that node only
 * (the same reason xyflow's NodeRenderer hands each wrapper just an id).
 */
export const BatonNode = memo(function BatonNode({ id, selected }: NodeProps<CanvasNode>) {
  const node = useEditor((s) => nodeById(s.source.nodes, id));
  const counts = useEditor((s) => s.diagnosticCounts[id]);
  const renaming = useEditor((s) => s.renamingId === id);
  const store = useEditorStoreApi();
  if (!node) return null;
  const spec = kindSpec(node.kind);
  const errors = counts?.errors ?? 0;
  const warnings = counts?.warnings ?? 0;
  const state = errors > 0 ? 'has-errors' : warnings > 0 ? 'has-warnings' : '';
  const multipleOutputs = (spec?.outputs.length ?? 0) > 1;
  const name = node.label || spec?.title || node.kind;

  return (
    <div
      className={`baton-node ${state} ${selected ? 'is-selected' : ''}`}
      style={{ ['--kind-color' as string]: kindColor(node.kind) }}
      data-testid="baton-node"
      data-node-id={id}
      data-kind={node.kind}
      onDoubleClick={(event) => {
        // The compact label is drawn over the hidden real one, which then gets no double-click.
        if (!renaming && isCompact(event.currentTarget)) store.getState().setRenaming(id);
      }}
    >
      {spec?.inputs.map((port) => (
        <Handle
          key={port.id}
          type="target"
          position={Position.Left}
          id={port.id}
          className="baton-handle"
          title={`${node.label} input ${port.label}`}
        />
      ))}
      <div className="baton-node-head">
        <span className="baton-node-glyph">
          <Glyph name={spec?.palette.glyph ?? node.kind} />
        </span>
        <div
          className="baton-node-titles"
          // The compact body's label (canvas.css), drawn by CSS on large flows: none while renaming.
          data-compact-label={renaming ? '' : compactLabel(name)}
        >
          {renaming ? (
            <LabelEditor
              initial={node.label}
              onDone={(label) => {
                const state = store.getState();
                state.setRenaming(null);
                const trimmed = label?.trim();
                if (trimmed) state.perform(renameNode, { id, label: trimmed });
              }}
            />
          ) : (
            <div
              className="baton-node-label"
              title="Double-click to rename"
              onDoubleClick={(event) => {
                event.stopPropagation();
                store.getState().setRenaming(id);
              }}
            >
              {name}
            </div>
          )}
          <div className="baton-node-kind">{spec?.title ?? node.kind}</div>
        </div>
        {errors + warnings > 0 ? (
          <span
            className={`baton-node-badge ${errors > 0 ? 'is-error' : 'is-warning'}`}
            title={`${errors} error(s), ${warnings} warning(s)`}
            role="img"
            aria-label={`${errors > 0 ? errors : warnings} ${errors > 0 ? 'errors' : 'warnings'}`}
          >
            {errors > 0 ? errors : warnings}
          </span>
        ) : null}
      </div>
      <div className="baton-node-summary">{nodeSummary(node)}</div>
      {spec && spec.outputs.length > 0 ? (
        multipleOutputs ? (
          <div className="baton-node-outputs">
            {spec.outputs.map((port) => (
              <div key={port.id} className={`baton-node-output port-${port.id}`}>
                <span>{port.id}</span>
                <Handle
                  type="source"
                  position={Position.Right}
                  id={port.id}
                  className="baton-handle"
                  title={`${node.label} output ${port.id}`}
                />
              </div>
            ))}
          </div>
        ) : (
          spec.outputs.map((port) => (
            <Handle
              key={port.id}
              type="source"
              position={Position.Right}
              id={port.id}
              className="baton-handle"
              title={`${node.label} output ${port.id}`}
            />
          ))
        )
      ) : null}
    </div>
  );
});

/** Whether the node's canvas shows compact bodies now (canvas.css, level of detail). */
function isCompact(element: Element): boolean {
  return Boolean(element.closest('.flow-canvas.is-large:is(.is-moving, [data-zoomed-out])'));
}

/**
 * The inline label field: Enter or leaving it commits (one `renameNode`), Escape cancels.
 * `nodrag`/`nopan` keep React Flow from starting a drag when the text is selected with the mouse.
 */
function LabelEditor({ initial, onDone }: { initial: string; onDone: (label: string | null) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <input
      className="baton-node-label-input nodrag nopan"
      aria-label="Node name"
      value={value}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => onDone(value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') onDone(value);
        else if (event.key === 'Escape') onDone(null);
      }}
    />
  );
}
