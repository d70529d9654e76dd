import { useState, type ReactNode } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
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
import {
  CARRY_INSTRUCTIONS,
  CARRY_KEYS,
  carryAnnouncements,
  carryCollisions,
  carryCoordinates,
} from './keyboard-carry';

// Half the node's rendered size: the dropped node is centred on the pointer, as it was dragged.
const NODE_HALF = { x: 110, y: 32 };

const KEYBOARD_OPTIONS = { keyboardCodes: CARRY_KEYS, coordinateGetter: carryCoordinates(CANVAS_DROP_ID) };
const ACCESSIBILITY = {
  announcements: carryAnnouncements(CANVAS_DROP_ID, (kind) => (kind && kindSpec(kind)?.title) ?? 'Node'),
  screenReaderInstructions: CARRY_INSTRUCTIONS,
};

export interface EditorDndProps {
  onDropKind: (kind: NodeKind, position: Position) => void;
  children: ReactNode;
}

/**
 * Palette → canvas drag and drop, with the pointer or the keyboard (keyboard-carry.ts). dnd-kit
 * reports the activator event and the delta moved, not the pointer at drop, so a pointer drop
 * point is activator client point + delta; a keyboard drop puts the node where the carried card
 * is. Either is converted to flow coordinates by React Flow (which accounts for pan and zoom).
 * Must sit inside ReactFlowProvider.
 */
export function EditorDnd({ onDropKind, children }: EditorDndProps) {
  const { screenToFlowPosition } = useReactFlow();
  const [dragging, setDragging] = useState<NodeKind | null>(null);
  // A small activation distance keeps a click on a palette entry from starting a drag.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );

  const onDragStart = (event: DragStartEvent) => {
    const data = event.active.data.current as PaletteDragData | undefined;
    setDragging(data?.kind ?? null);
  };

  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const data = event.active.data.current as PaletteDragData | undefined;
    if (!data || event.over?.id !== CANVAS_DROP_ID) return;
    const start = clientPoint(event.activatorEvent);
    if (start) {
      const flow = screenToFlowPosition({ x: start.x + event.delta.x, y: start.y + event.delta.y });
      onDropKind(data.kind, { x: flow.x - NODE_HALF.x, y: flow.y - NODE_HALF.y });
      return;
    }
    // Carried with the keyboard: the node takes the place of the card (both 220 px wide, top-left).
    const carried = event.active.rect.current.translated;
    if (carried) onDropKind(data.kind, screenToFlowPosition({ x: carried.left, y: carried.top }));
  };

  const spec = dragging ? kindSpec(dragging) : undefined;
  return (
    <DndContext
      sensors={sensors}
      accessibility={ACCESSIBILITY}
      collisionDetection={carryCollisions}
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
