import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStore, type EdgeProps } from '@xyflow/react';
import { useEditor } from '../store/editor-store-context';
import type { CanvasEdge } from './to-react-flow';
import { EdgeBadges } from './edge-badges';
import { edgeById } from './node-index';
import { selectCompactEdges } from './level-of-detail';

/** An edge with a small label saying what crosses it (the contract's field count). */
export const BatonEdge = memo(function BatonEdge(props: EdgeProps<CanvasEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } = props;
  const edge = useEditor((s) => edgeById(s.source.edges, id));
  const counts = useEditor((s) => s.diagnosticCounts[id]);
  const flowId = useEditor((s) => s.flowId);
  const compact = useStore(selectCompactEdges);
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  if (!edge) return null;

  const fields = edge.contract?.fields.length ?? 0;
  const errors = counts?.errors ?? 0;
  const warnings = counts?.warnings ?? 0;
  const state = errors > 0 ? 'has-errors' : warnings > 0 ? 'has-warnings' : '';
  const port = edge.source.port === 'out' ? '' : `${edge.source.port} · `;
  const label = edge.contract ? `${port}${fields} field${fields === 1 ? '' : 's'}` : `${port}no contract`;

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`baton-edge ${state} ${selected ? 'is-selected' : ''} port-${edge.source.port}`}
        interactionWidth={24}
      />
      {compact ? null : (
        <EdgeLabelRenderer>
          <div
            className={`baton-edge-label ${state} ${selected ? 'is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-edge-id={id}
          >
            <span className="baton-edge-text">
              {label}
              {errors + warnings > 0 ? (
                <span className="baton-edge-count">{errors > 0 ? errors : warnings}</span>
              ) : null}
            </span>
            {edge.contract || edge.raci ? (
              <span className="baton-edge-badges">
                <EdgeBadges edge={edge} flowId={flowId} />
              </span>
            ) : null}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
