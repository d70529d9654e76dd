/** Shown over an empty canvas: the first thing a new flow's author needs to know. */
export function CanvasEmptyHint() {
  return (
    <div className="canvas-empty-hint" role="note">
      <div className="canvas-empty-title">Drag a Trigger here to start</div>
      <div className="canvas-empty-text">
        Then add a Mapping, a Validation, a Write and a Log, and connect them from an output (right) to an
        input (left).
      </div>
    </div>
  );
}
