import type { FitViewOptions } from '@xyflow/react';

/**
 * Room left around a fitted flow, in screen pixels. The tool strip lies over the canvas's top edge
 * and the zoom controls over its bottom left, so a fraction of the canvas (the old 15 %) either put
 * the first node under the tool strip or left a wide flow smaller than the canvas allows.
 */
export const FIT_PADDING = { top: '72px', left: '64px', right: '32px', bottom: '32px' } as const;

/**
 * How every "fit" of the editor frames the flow: the Fit button and F, after auto-layout, and on open
 * when the fitted flow is readable (open-view.ts).
 * A module constant: React Flow copies `fitViewOptions` into its store whenever its identity changes.
 */
export const FIT_VIEW_OPTIONS: FitViewOptions = { padding: FIT_PADDING, maxZoom: 1.1 };

/** The same framing, animated, for fits the user asks for. */
export const ANIMATED_FIT: FitViewOptions = { ...FIT_VIEW_OPTIONS, duration: 200 };
