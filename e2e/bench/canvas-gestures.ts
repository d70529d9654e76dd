import type { Page } from '@playwright/test';
import type { FrameDriver } from './canvas-frame-cost.ts';

/**
 * The canvas bench's gestures (canvas-bench.ts): the same positions and step counts whichever way
 * they are played (Playwright's mouse for the vsync-locked gaps, CDP input with bench-driven
 * frames for the costs) and whichever page they are played on (Baton's editor, the bare React
 * Flow reference).
 */

/** One input of a gesture; `measure`d ones are the samples (the moves and wheel steps). */
export type Action =
  | { type: 'move'; x: number; y: number; measure?: true }
  | { type: 'down' }
  | { type: 'up' }
  | { type: 'wheel'; dy: number; measure: true };

export interface Gesture {
  name: string;
  label: string;
  actions: Action[];
}

export function panGesture(start: { x: number; y: number }, name = 'pan', label = 'pan (80 moves)'): Gesture {
  const moves: Action[] = [];
  for (let i = 1; i <= 80; i += 1)
    moves.push({ type: 'move', x: start.x - i * 6, y: start.y - i * 3, measure: true });
  return { name, label, actions: [{ type: 'move', ...start }, { type: 'down' }, ...moves, { type: 'up' }] };
}

export function zoomGesture(at: { x: number; y: number }): Gesture {
  const wheels: Action[] = [];
  for (let i = 0; i < 20; i += 1) wheels.push({ type: 'wheel', dy: i < 10 ? 120 : -120, measure: true });
  return { name: 'zoom', label: 'zoom (20 wheel steps)', actions: [{ type: 'move', ...at }, ...wheels] };
}

/** The node drag: 80 moves of (4, 2) px, so the pointer travels `DRAG_REACH` from its start. */
const DRAG_MOVES = 80;
const DRAG_STEP = { x: 4, y: 2 };
export const DRAG_REACH = { x: DRAG_MOVES * DRAG_STEP.x, y: DRAG_MOVES * DRAG_STEP.y };

export function dragGesture(
  from: { x: number; y: number },
  name = 'drag',
  label = 'node drag (80 moves)',
): Gesture {
  const moves: Action[] = [];
  for (let i = 1; i <= DRAG_MOVES; i += 1)
    moves.push({ type: 'move', x: from.x + i * DRAG_STEP.x, y: from.y + i * DRAG_STEP.y, measure: true });
  return {
    name,
    label,
    actions: [{ type: 'move', ...from }, { type: 'down' }, ...moves, { type: 'up' }],
  };
}

/**
 * A node dragged past the canvas's right edge: 80 moves from `from` to `toX` (beyond the edge), so
 * the last part of the gesture runs in React Flow's auto-pan, which moves the viewport every frame.
 * Reported beside the goal, not judged against it: it measures auto-pan, not a drag.
 */
export function edgeDragGesture(from: { x: number; y: number }, toX: number): Gesture {
  const moves: Action[] = [];
  for (let i = 1; i <= DRAG_MOVES; i += 1)
    moves.push({ type: 'move', x: from.x + ((toX - from.x) * i) / DRAG_MOVES, y: from.y, measure: true });
  return {
    name: 'edge-drag',
    label: 'node drag past the canvas edge (80 moves, auto-pan)',
    actions: [{ type: 'move', ...from }, { type: 'down' }, ...moves, { type: 'up' }],
  };
}

/** Plays a gesture through Playwright's mouse (frames paced by the browser's clock). */
export async function playWithMouse(page: Page, gesture: Gesture): Promise<void> {
  for (const action of gesture.actions) {
    if (action.type === 'move') await page.mouse.move(action.x, action.y);
    else if (action.type === 'down') await page.mouse.down();
    else if (action.type === 'up') await page.mouse.up();
    else await page.mouse.wheel(0, action.dy);
  }
}

/**
 * Plays a gesture as CDP input, each event followed by the frames it causes: the costs of the
 * measured inputs, the follow-up frames, and the inputs Chromium left queued although frames came
 * (see `FrameDriver.step`; not samples).
 */
export async function playWithFrames(
  driver: FrameDriver,
  gesture: Gesture,
): Promise<{ costs: number[]; followUps: number[]; unhandled: string[] }> {
  let x = 0;
  let y = 0;
  let pressed = false;
  const costs: number[] = [];
  const followUps: number[] = [];
  const unhandled: string[] = [];
  for (const action of gesture.actions) {
    let event: Record<string, unknown>;
    if (action.type === 'move') {
      ({ x, y } = action);
      event = { type: 'mouseMoved', x, y, button: pressed ? 'left' : 'none', buttons: pressed ? 1 : 0 };
    } else if (action.type === 'down') {
      pressed = true;
      event = { type: 'mousePressed', x, y, button: 'left', buttons: 1, clickCount: 1 };
    } else if (action.type === 'up') {
      pressed = false;
      event = { type: 'mouseReleased', x, y, button: 'left', buttons: 0, clickCount: 1 };
    } else {
      event = { type: 'mouseWheel', x, y, deltaX: 0, deltaY: action.dy };
    }
    const cost = await driver.step(event);
    if (process.env['BENCH_COST_DEBUG'])
      console.log(
        `${gesture.name} ${event['type'] as string} ${cost.ms.toFixed(1)}: ${cost.detail.map((f) => `${f.ms.toFixed(1)}${f.damage ? 'D' : ''}${f.acked ? '' : '?'}`).join(' ')}`,
      );
    if (!cost.handled) unhandled.push(`${gesture.name} ${String(event['type'])}`);
    else if ('measure' in action && action.measure) {
      costs.push(cost.ms);
      followUps.push(...cost.followUps);
    }
  }
  return { costs, followUps, unhandled };
}
