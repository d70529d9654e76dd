import {
  rectIntersection,
  type Announcements,
  type ClientRect,
  type CollisionDetection,
  type KeyboardCodes,
  type KeyboardCoordinateGetter,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import type { NodeKind } from '@baton/schema';

/**
 * Carrying a palette entry onto the canvas with the keyboard (dnd-kit's KeyboardSensor): Space
 * picks the entry up, the arrow keys move it, Space or Enter drops it, Escape cancels. Enter on
 * an entry, without picking it up, still adds the kind at the centre of the canvas (palette.tsx).
 */

/**
 * Space picks up (Enter on an entry is the quick add, which stays). Tab cancels rather than drops:
 * focus leaving the entry should not put a node on the canvas.
 */
export const CARRY_KEYS: KeyboardCodes = {
  start: ['Space'],
  cancel: ['Escape', 'Tab'],
  end: ['Space', 'Enter'],
};

/** Pixels per arrow press: four grid cells at zoom 1; Shift moves one cell for fine placing. */
export const CARRY_STEP = 40;
export const CARRY_FINE_STEP = 10;

const DIRECTIONS: Record<string, { x: number; y: number }> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
};

/**
 * Where the carried entry goes on an arrow press (dnd-kit coordinates: the top-left corner of the
 * carried rect). The palette is no drop target, so while the entry is still off the canvas any
 * arrow carries it to the canvas's centre in one press; on the canvas each press moves it a step,
 * and its centre stays on the canvas (a press towards the edge stops there instead of leaving).
 */
export function carryCoordinates(dropTargetId: string): KeyboardCoordinateGetter {
  return (event, { context, currentCoordinates }) => {
    const direction = DIRECTIONS[event.code];
    if (!direction) return undefined;
    const carried = context.collisionRect;
    const canvas = context.droppableRects.get(dropTargetId);
    const step = event.shiftKey ? CARRY_FINE_STEP : CARRY_STEP;
    const moved = {
      x: currentCoordinates.x + direction.x * step,
      y: currentCoordinates.y + direction.y * step,
    };
    if (!carried || !canvas) return moved;
    const half = { x: carried.width / 2, y: carried.height / 2 };
    if (!containsPoint(canvas, { x: carried.left + half.x, y: carried.top + half.y })) {
      return { x: canvas.left + canvas.width / 2 - half.x, y: canvas.top + canvas.height / 2 - half.y };
    }
    return {
      x: clamp(moved.x, canvas.left - half.x, canvas.right - half.x),
      y: clamp(moved.y, canvas.top - half.y, canvas.bottom - half.y),
    };
  };
}

/**
 * Pointer drags keep dnd-kit's `rectIntersection`. A carried card is over a target when its centre
 * is: the card (220 px) is wider than a palette entry and touches the canvas as soon as it is
 * picked up, which would announce "over the canvas" before any arrow was pressed.
 */
export const carryCollisions: CollisionDetection = (args) => {
  if (args.pointerCoordinates) return rectIntersection(args);
  const { collisionRect, droppableRects, droppableContainers } = args;
  const centre = {
    x: collisionRect.left + collisionRect.width / 2,
    y: collisionRect.top + collisionRect.height / 2,
  };
  return droppableContainers
    .filter((container) => {
      const rect = droppableRects.get(container.id);
      return rect !== undefined && containsPoint(rect, centre);
    })
    .map((container) => ({ id: container.id, data: { droppableContainer: container, value: 0 } }));
};

function containsPoint(rect: ClientRect, point: { x: number; y: number }): boolean {
  return point.x >= rect.left && point.x <= rect.right && point.y >= rect.top && point.y <= rect.bottom;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export const CARRY_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    'Press Enter to add this node at the centre of the canvas. Or press Space to pick it up, the ' +
    'arrow keys to carry it onto the canvas and move it (Shift for small steps), Space or Enter to ' +
    'drop it there, and Escape to cancel.',
};

/** What a screen reader hears while an entry is carried (dnd-kit's live region). */
export function carryAnnouncements(
  dropTargetId: string,
  titleOf: (kind: NodeKind | undefined) => string,
): Announcements {
  const title = (data: unknown) => titleOf((data as { kind?: NodeKind } | undefined)?.kind);
  return {
    onDragStart: ({ active }) =>
      `Picked up ${title(active.data.current)}. Use the arrow keys to carry it onto the canvas, ` +
      'Space or Enter to drop it, Escape to cancel.',
    onDragOver: ({ active, over }) =>
      over?.id === dropTargetId
        ? `${title(active.data.current)} is over the canvas. Press Space or Enter to drop it here.`
        : `${title(active.data.current)} is not over the canvas.`,
    onDragEnd: ({ active, over }) =>
      over?.id === dropTargetId
        ? `${title(active.data.current)} added to the canvas.`
        : `${title(active.data.current)} dropped outside the canvas; nothing was added.`,
    onDragCancel: ({ active }) => `Cancelled. ${title(active.data.current)} was not added.`,
  };
}
