import { describe, expect, it } from 'vitest';
import { getViewportForBounds } from '@xyflow/react';
import { FIT_PADDING } from './fit-view';
import { READABLE_ZOOM, openViewport } from './open-view';

// The editor's canvas at 1440 × 900 (palette and side panel beside it).
const VIEW = { width: 772, height: 820 };
const LIMITS = { minZoom: 0.2, maxZoom: 2 };

describe('openViewport', () => {
  it('fits a flow that is readable when fitted, as the Fit button frames it', () => {
    const bounds = { x: 100, y: 80, width: 600, height: 300 };
    const viewport = openViewport(bounds, VIEW, LIMITS, false);
    expect(viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(viewport).toEqual(getViewportForBounds(bounds, VIEW.width, VIEW.height, 0.2, 1.1, FIT_PADDING));
  });

  it('opens a wide flow at the readable zoom at its start, centred top to bottom', () => {
    // A six-node hand-off in one row: fitted it would be ~0.4.
    const bounds = { x: 80, y: 120, width: 1660, height: 160 };
    const viewport = openViewport(bounds, VIEW, LIMITS, false);
    expect(viewport.zoom).toBe(READABLE_ZOOM);
    expect(bounds.x * viewport.zoom + viewport.x).toBe(64);
    const top = bounds.y * viewport.zoom + viewport.y;
    const bottom = VIEW.height - ((bounds.y + bounds.height) * viewport.zoom + viewport.y);
    expect(top - 72).toBeCloseTo(bottom - 32, 5);
  });

  it('opens a tall flow at its top-left corner', () => {
    const bounds = { x: -200, y: -50, width: 300, height: 2400 };
    const viewport = openViewport(bounds, VIEW, LIMITS, false);
    expect(viewport).toEqual({
      x: 64 + 200 * READABLE_ZOOM,
      y: 72 + 50 * READABLE_ZOOM,
      zoom: READABLE_ZOOM,
    });
  });

  it('fits a large flow whatever the zoom (an overview)', () => {
    const viewport = openViewport({ x: 0, y: 0, width: 6000, height: 3000 }, VIEW, LIMITS, true);
    expect(viewport.zoom).toBeLessThan(READABLE_ZOOM);
    expect(viewport.zoom).toBeGreaterThanOrEqual(LIMITS.minZoom);
  });
});
