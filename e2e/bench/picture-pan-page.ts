/**
 * The "pan of a still picture" floor (canvas-bench.ts): the cheapest pan a drawn graph can have in
 * a browser. A pane of the editor canvas's size and place holds one `<canvas>` twice its size, drawn
 * once with a graph-like picture (600 curves, 250 boxes with text); a press and drag on the pane
 * moves it by a transform, whole pixels, on a layer of its own. No framework, no DOM per node, no
 * redraw: what a frame costs here is what this machine needs to move that many pixels on screen.
 */
export function picturePanPage(pane: { x: number; y: number; width: number; height: number }): string {
  const script = `
const c = document.getElementById('c');
const x = c.getContext('2d');
let seed = 7;
const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
x.lineWidth = 2;
x.strokeStyle = '#98a2b3';
for (let i = 0; i < 600; i += 1) {
  const sx = rnd() * c.width, sy = rnd() * c.height, tx = sx + 100 + rnd() * 500, ty = rnd() * c.height;
  x.beginPath();
  x.moveTo(sx, sy);
  x.bezierCurveTo((sx + tx) / 2, sy, (sx + tx) / 2, ty, tx, ty);
  x.stroke();
}
x.font = '620 6px system-ui, sans-serif';
for (let i = 0; i < 250; i += 1) {
  const bx = rnd() * c.width, by = rnd() * c.height;
  x.fillStyle = 'hsl(' + ((i * 47) % 360) + ' 60% 93%)';
  x.strokeStyle = '#cdd2da';
  x.beginPath();
  x.roundRect(bx, by, 101, 40, 5);
  x.fill();
  x.stroke();
  x.fillStyle = '#1c2230';
  x.fillText('node ' + i, bx + 8, by + 12);
}
let from = null, dx = 0, dy = 0;
addEventListener('mousedown', (e) => { from = { x: e.clientX - dx, y: e.clientY - dy }; });
addEventListener('mousemove', (e) => {
  if (!from) return;
  dx = e.clientX - from.x;
  dy = e.clientY - from.y;
  c.style.transform = 'translate(' + dx + 'px, ' + dy + 'px)';
});
addEventListener('mouseup', () => { from = null; });
`;
  const { x, y, width, height } = pane;
  return `<!doctype html><body style="margin:0">
<div style="position:absolute;left:${x}px;top:${y}px;width:${width}px;height:${height}px;overflow:hidden;background:#f8f9fb">
<canvas id="c" width="${width * 2}" height="${height * 2}" style="position:absolute;left:${-width / 2}px;top:${-height / 2}px;will-change:transform"></canvas>
</div><script>${script}</script></body>`;
}
