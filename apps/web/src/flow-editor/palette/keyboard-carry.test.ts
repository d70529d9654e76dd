import { describe, expect, it } from 'vitest';
import type { ClientRect, SensorContext } from '@dnd-kit/core';
import {
  CARRY_FINE_STEP,
  CARRY_STEP,
  carryAnnouncements,
  carryCollisions,
  carryCoordinates,
} from './keyboard-carry';

const rect = (left: number, top: number, width: number, height: number): ClientRect => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});

const CANVAS = rect(300, 50, 800, 600);
const getter = carryCoordinates('canvas');

/** The carried entry (200 × 60) with its top-left corner at `at`. */
function press(code: string, at: { x: number; y: number }, shiftKey = false) {
  const context = {
    collisionRect: rect(at.x, at.y, 200, 60),
    droppableRects: new Map([['canvas', CANVAS]]),
  } as unknown as SensorContext;
  // A plain object: the web tests run in Node, without DOM events.
  return getter({ code, shiftKey } as KeyboardEvent, {
    active: 'palette:log',
    context,
    currentCoordinates: at,
  });
}

describe('keyboard carry', () => {
  it('carries an entry from the palette to the centre of the canvas on the first arrow', () => {
    expect(press('ArrowRight', { x: 20, y: 300 })).toEqual({ x: 600, y: 320 });
    expect(press('ArrowDown', { x: 20, y: 300 })).toEqual({ x: 600, y: 320 });
  });

  it('moves a step per arrow on the canvas, a grid cell with Shift', () => {
    expect(press('ArrowRight', { x: 600, y: 320 })).toEqual({ x: 600 + CARRY_STEP, y: 320 });
    expect(press('ArrowUp', { x: 600, y: 320 })).toEqual({ x: 600, y: 320 - CARRY_STEP });
    expect(press('ArrowLeft', { x: 600, y: 320 }, true)).toEqual({ x: 600 - CARRY_FINE_STEP, y: 320 });
  });

  it('keeps the centre of the entry on the canvas', () => {
    // Centre at the right edge already: a further press right stays there.
    expect(press('ArrowRight', { x: 1000, y: 320 })).toEqual({ x: 1000, y: 320 });
    expect(press('ArrowUp', { x: 600, y: 25 })).toEqual({ x: 600, y: 20 });
  });

  it('ignores keys that are not arrows', () => {
    expect(press('KeyA', { x: 600, y: 320 })).toBeUndefined();
  });

  it('announces pick-up, position, drop and cancel with the kind title', () => {
    const say = carryAnnouncements('canvas', (kind) => (kind === 'log' ? 'Log' : 'Node'));
    const active = { id: 'palette:log', data: { current: { kind: 'log' } } } as never;
    const over = { id: 'canvas' } as never;
    expect(say.onDragStart({ active })).toMatch(/^Picked up Log\./);
    expect(say.onDragOver({ active, over })).toBe(
      'Log is over the canvas. Press Space or Enter to drop it here.',
    );
    expect(say.onDragOver({ active, over: null })).toBe('Log is not over the canvas.');
    expect(say.onDragEnd({ active, over })).toBe('Log added to the canvas.');
    expect(say.onDragEnd({ active, over: null })).toMatch(/nothing was added/);
    expect(say.onDragCancel({ active, over: null })).toBe('Cancelled. Log was not added.');
  });
});

describe('keyboard carry collisions', () => {
  const container = { id: 'canvas' } as never;
  const args = (left: number, pointer: { x: number; y: number } | null) =>
    ({
      active: {} as never,
      collisionRect: rect(left, 300, 220, 60),
      droppableRects: new Map([['canvas', CANVAS]]),
      droppableContainers: [container],
      pointerCoordinates: pointer,
    }) as Parameters<typeof carryCollisions>[0];

  it('counts a carried card as over the canvas only when its centre is on it', () => {
    expect(carryCollisions(args(100, null))).toEqual([]);
    expect(carryCollisions(args(200, null)).map((c) => c.id)).toEqual(['canvas']);
  });

  it('leaves pointer drags to rectIntersection', () => {
    expect(carryCollisions(args(100, { x: 150, y: 320 })).map((c) => c.id)).toEqual(['canvas']);
  });
});
