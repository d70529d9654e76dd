import { useState, type ReactNode } from 'react';
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useReactFlow } from '@xyflow/react';
import type { NodeKind, Position } from '@baton/schema';
import { kindSpec } from '../kinds/kind-catalog';
import { CANVAS_DROP_ID } from '../canvas/flow-canvas';
import { kindColor } from '../../trace/kind-look';
import { PaletteCard, type PaletteDragData } from './palette';

// Half the node's rendered size: the dropped node is centred on the pointer, as it was dragged.
const NODE_HALF = { x: 110, y: 32 };

export interface EditorDndProps {
  onDropKind: (kind: NodeKind, position: Position) => void;
  children: ReactNode;
}

/**
 * Palette → canvas drag and drop. dnd-kit reports the activator event and the delta moved, not
 * the pointer at drop, so the drop point is activator client point + delta, converted to flow
 * coordinates by React Flow (which accounts for pan and zoom). Must sit inside ReactFlowProvider.
 */
export function EditorDnd({ onDropKind, children }: EditorDndProps) {
  const { screenToFlowPosition } = useReactFlow();
  const [dragging, setDragging] = useState<NodeKind | null>(null);
  // A small activation distance keeps a click on a palette entry from starting a drag.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  const onDragStart = (event: DragStartEvent) => {
    const data = event.active.data.current as PaletteDragData | undefined;
    setDragging(data?.kind ?? null);
  };

  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const data = event.active.data.current as PaletteDragData | undefined;
    if (!data || event.over?.id !== CANVAS_DROP_ID) return;
    const start = clientPoint(event.activatorEvent);
    if (!start) return;
    const flow = screenToFlowPosition({ x: start.x + event.delta.x, y: start.y + event.delta.y });
    onDropKind(data.kind, { x: flow.x - NODE_HALF.x, y: flow.y - NODE_HALF.y });
  };

  const spec = dragging ? kindSpec(dragging) : undefined;
  return (
    <DndContext
      sensors={sensors}
      autoScroll={false}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {spec ? (
          <div className="palette-overlay" style={{ ['--kind-color' as string]: kindColor(spec.kind) }}>
            <PaletteCard spec={spec} />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

function clientPoint(event: Event | null): { x: number; y: number } | null {
  if (!event) return null;
  if ('clientX' in event && typeof event.clientX === 'number') {
    return { x: event.clientX, y: (event as MouseEvent).clientY };
  }
  const touch = (event as TouchEvent).touches?.[0] ?? (event as TouchEvent).changedTouches?.[0];
  return touch ? { x: touch.clientX, y: touch.clientY } : null;
}
