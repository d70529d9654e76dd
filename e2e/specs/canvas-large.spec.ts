import { expect, test, type Locator, type Page } from '@playwright/test';
import { CanvasPage, emptyFlow } from '../pages/canvas-page';
import { pixelDifference, saveLargeFlow } from '../pages/large-flow';
import { screenshot } from '../pages/screenshots';
import { signIn } from '../pages/session';

// Issue 9, large graphs: the level of detail of a large flow zoomed out, and the view sketch that
// stands in for its DOM graph while the user pans or zooms.

test('a large flow zoomed out shows compact bodies, named and renamable', async ({ page }) => {
  const { csrfToken } = await signIn(page, 'analyst');
  const flowId = await emptyFlow(page, csrfToken, 'Large flow, zoomed out');
  // 160 nodes: past the large-flow threshold (150), where the level of detail applies. No edges
  // needed; one node with a name too long for the compact body.
  await saveLargeFlow(page, csrfToken, flowId, {
    chains: 16,
    length: 10,
    edges: false,
    names: { 75: 'Normalise the incoming order fields' },
  });

  const editor = new CanvasPage(page);
  await editor.goto(flowId);
  const wrapper = page.locator('.flow-canvas');
  await expect(wrapper).toHaveClass(/is-large/);
  // Opened fitted: 160 nodes are far below the readable scale.
  await expect(wrapper).toHaveAttribute('data-zoomed-out', '');
  const node = page.locator('[data-node-id="n_75"]');
  const look = (target: Locator = node) =>
    target.evaluate((element) => {
      const titles = element.querySelector('.baton-node-titles')!;
      const compact = getComputedStyle(titles, '::before');
      return {
        compact: compact.content,
        compactVisible: compact.visibility === 'visible',
        // No label while it is being renamed (the field takes its place).
        labelVisible: ((label) => (label ? getComputedStyle(label).visibility === 'visible' : null))(
          element.querySelector('.baton-node-label'),
        ),
      };
    });
  // The compact body shows the name cut to fit, in place of the hidden (clipping) label.
  expect(await look()).toEqual({
    compact: '"Normalise the incoming…"',
    compactVisible: true,
    labelVisible: false,
  });
  // No dot grid under half scale on a large flow (a haze of dots, and the costliest thing to draw).
  await expect(page.locator('.canvas-dots')).toBeHidden();
  await screenshot(page, '90-canvas-large-zoomed-out');

  // A double-click on the compact body renames, as on the label at full detail.
  await node.dblclick({ position: { x: 10, y: 6 } });
  const input = node.getByRole('textbox', { name: 'Node name' });
  await expect(input).toBeVisible();
  expect((await look()).compact).toBe('""');
  await input.fill('Map orders');
  await input.press('Enter');
  await expect(node.locator('.baton-node-label')).toHaveText('Map orders');
  expect((await look()).compact).toBe('"Map orders"');
  await editor.expectSaved();

  // Zoomed in past 0.5: full detail again, the real label shown and the copy hidden.
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  for (let i = 0; i < 8 && (await wrapper.getAttribute('data-zoomed-out')) !== null; i += 1)
    await zoomIn.click();
  await expect(wrapper).not.toHaveAttribute('data-zoomed-out');
  await expect(page.locator('.canvas-dots')).toBeVisible();
  // (The renamed node may be out of view now, and unmounted: any node in view will do.)
  expect(await look(editor.nodes().first())).toMatchObject({ compactVisible: false, labelVisible: true });
});

/**
 * The view drawn as the sketch looks like the DOM graph it stands in for (`before`, a screenshot of
 * the same view): the same boxes, colours, handles, edges, names and dots; text and curves are
 * anti-aliased a little differently.
 */
async function expectSketchLike(page: Page, pane: Locator, before: Buffer): Promise<void> {
  const difference = await pixelDifference(page, before, await pane.screenshot());
  expect(difference, 'share of pixels that differ between the DOM graph and its sketch').toBeLessThan(0.02);
}

/** A point of the pane where nothing (node, edge, control) is under the pointer. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = pane.top + 80; y < pane.bottom - 40; y += 7)
      for (let x = pane.left + 60; x < pane.right - 60; x += 7) {
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains('react-flow__pane')) return { x, y };
      }
    return null;
  });
  expect(point, 'an empty spot on the pane').not.toBeNull();
  return point!;
}

test('a large flow pans and zooms as one still picture and comes back as nodes', async ({ page }) => {
  const { csrfToken } = await signIn(page, 'analyst');
  const flowId = await emptyFlow(page, csrfToken, 'Large flow, sketched while moving');
  await saveLargeFlow(page, csrfToken, flowId, {
    chains: 20,
    length: 10,
    names: { 12: 'Orders <b>&</b> returns' },
  });
  const editor = new CanvasPage(page);
  await editor.goto(flowId);
  const wrapper = page.locator('.flow-canvas');
  await expect(wrapper).toHaveAttribute('data-zoomed-out', '');
  const sketch = page.locator('.flow-sketch');
  await expect(sketch).toBeHidden();

  // A selected node stays a DOM node through the gesture, selected.
  const kept = page.locator('.react-flow__node[data-id="n_12"]');
  await kept.locator('.baton-node').click({ position: { x: 30, y: 8 } });
  await expect(kept.locator('.baton-node')).toHaveClass(/is-selected/);
  expect(await editor.nodes().count()).toBeGreaterThan(20);
  expect(await editor.edges().count()).toBeGreaterThan(20);

  const pane = page.locator('.react-flow');
  const start = await emptyPanePoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // A press alone changes nothing; the first move switches to the sketch, drawn as the DOM graph's
  // look (zoomed out, the compact one).
  await expect(sketch).toBeHidden();
  expect(await wrapper.getAttribute('class')).not.toMatch(/is-moving/);
  const pressed = await pane.screenshot();
  await page.mouse.move(start.x + 2, start.y);
  await page.mouse.move(start.x, start.y);
  await expect(sketch).toBeVisible();
  await expect(editor.nodes()).toHaveCount(1);
  await expect(editor.edges()).toHaveCount(0);
  await expectSketchLike(page, pane, pressed);
  // Names are text in the picture, escaped.
  await expect(sketch.locator('text', { hasText: 'Orders <b>&</b> returns' })).toHaveCount(1);

  await page.mouse.move(start.x - 160, start.y - 60, { steps: 12 });
  // Nothing mounts while the view moves (the selected node, if still in view, is the only one).
  expect(await editor.nodes().count()).toBeLessThanOrEqual(1);
  await screenshot(page, '90-canvas-large-panning');
  await page.mouse.up();
  await expect(sketch).toBeHidden();
  expect(await editor.nodes().count()).toBeGreaterThan(20);
  expect(await editor.edges().count()).toBeGreaterThan(20);
  await expect(kept.locator('.baton-node')).toHaveClass(/is-selected/);

  // A wheel zoom shows the sketch while the wheel turns, the nodes once it rests. The node with
  // keyboard focus (not selected now) stays, focused.
  await page.keyboard.press('Escape');
  await kept.focus();
  const spot = await emptyPanePoint(page);
  await page.mouse.move(spot.x, spot.y);
  // (Recorded in the page: the wheel's gesture may end before a check from here would look.)
  await sketch.evaluate((element) => {
    const seen: { nodes: number; focused: string | null }[] = [];
    (window as unknown as { sketchSeen: typeof seen }).sketchSeen = seen;
    new MutationObserver(() => {
      if (!element.hasAttribute('hidden'))
        seen.push({
          nodes: document.querySelectorAll('.react-flow__node').length,
          focused: document.activeElement?.getAttribute('data-id') ?? null,
        });
    }).observe(element, { attributes: true, attributeFilter: ['hidden'] });
  });
  await page.mouse.wheel(0, -120);
  const seen = () =>
    page.evaluate(
      () => (window as unknown as { sketchSeen: { nodes: number; focused: string | null }[] }).sketchSeen,
    );
  await expect.poll(async () => (await seen()).length).toBeGreaterThan(0);
  expect((await seen())[0]).toEqual({ nodes: 1, focused: 'n_12' });
  await expect(sketch).toBeHidden();
  expect(await editor.nodes().count()).toBeGreaterThan(10);
  await expect(kept).toBeFocused();

  // Zoomed in past 0.5 the sketch draws the dot grid too, where the canvas has it.
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  for (let i = 0; i < 8 && (await wrapper.getAttribute('data-zoomed-out')) !== null; i += 1)
    await zoomIn.click();
  await expect(wrapper).not.toHaveAttribute('data-zoomed-out');
  await expect(sketch).toBeHidden();
  const near = await emptyPanePoint(page);
  // What the DOM graph looks like while the view moves (its gesture look, `.is-moving`): compact
  // bodies, solid edges, no edge labels. That is what the sketch draws.
  await wrapper.evaluate((element) => element.classList.add('is-moving'));
  const movingLook = await pane.screenshot();
  await wrapper.evaluate((element) => element.classList.remove('is-moving'));
  // A press at full detail changes nothing: no flash to the gesture look on a click.
  const label = editor.nodes().first().locator('.baton-node-label');
  await page.mouse.move(near.x, near.y);
  await page.mouse.down();
  expect(await wrapper.getAttribute('class')).not.toMatch(/is-moving/);
  await expect(label).toBeVisible();
  await page.mouse.move(near.x + 2, near.y);
  await page.mouse.move(near.x, near.y);
  await expect(sketch).toBeVisible();
  await expect(sketch.locator('pattern')).toHaveCount(1);
  await expect(wrapper).toHaveClass(/is-moving/);
  await expectSketchLike(page, pane, movingLook);
  await screenshot(page, '90-canvas-large-sketch-zoomed-in');
  await page.mouse.up();
  await expect(sketch).toBeHidden();

  // With the minimap on, the graph stays DOM (the minimap draws the nodes React Flow shows).
  await page.getByTestId('minimap-toggle').click();
  const again = await emptyPanePoint(page);
  await page.mouse.move(again.x, again.y);
  await page.mouse.down();
  await page.mouse.move(again.x + 60, again.y + 20, { steps: 4 });
  await expect(sketch).toBeHidden();
  expect(await editor.nodes().count()).toBeGreaterThan(10);
  await page.mouse.up();
});

test('a node dragged on a large flow zoomed out moves over a still picture of the rest', async ({ page }) => {
  const { csrfToken } = await signIn(page, 'analyst');
  const flowId = await emptyFlow(page, csrfToken, 'Large flow, a node dragged');
  await saveLargeFlow(page, csrfToken, flowId, { chains: 20, length: 10 });
  const editor = new CanvasPage(page);
  await editor.goto(flowId);
  const wrapper = page.locator('.flow-canvas');
  await expect(wrapper).toHaveAttribute('data-zoomed-out', '');
  const sketch = page.locator('.flow-sketch');
  const pane = page.locator('.react-flow');
  const mounted = { nodes: await editor.nodes().count(), edges: await editor.edges().count() };

  // A node in view in the middle of its chain: one edge in, one out.
  const id = await middleNodeInView(page);
  expect(id, 'a node in view with an edge in and out').not.toBeNull();
  const index = Number(id!.slice(2));
  const node = page.locator(`.react-flow__node[data-id="${id}"]`);
  const box = (await node.boundingBox())!;
  const grip = { x: box.x + 20, y: box.y + box.height / 2 };

  // Selected first (a click), so the drag's own selection changes nothing on screen.
  await page.mouse.click(grip.x, grip.y);
  await expect(node.locator('.baton-node')).toHaveClass(/is-selected/);
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  const pressed = await pane.screenshot();
  // The drag starts at the first move: the rest of the graph becomes the picture, under the pane;
  // React Flow keeps the dragged node and its two edges. Back at the start, the view is the same.
  await page.mouse.move(grip.x + 3, grip.y);
  await page.mouse.move(grip.x, grip.y);
  await expect(wrapper).toHaveClass(/is-sketching-drag/);
  await expect(sketch).toBeVisible();
  await expect(editor.nodes()).toHaveCount(1);
  await expect(editor.edges()).toHaveCount(2);
  expect(
    (await editor.edges().evaluateAll((edges) => edges.map((e) => e.getAttribute('data-id')))).sort(),
  ).toEqual([`e_${index - 1}`, `e_${index}`].sort());
  await expectSketchLike(page, pane, pressed);

  await page.mouse.move(grip.x + 120, grip.y + 70, { steps: 10 });
  // Nothing mounts while the node moves, and the picture is not drawn again at each step.
  await expect(editor.nodes()).toHaveCount(1);
  await screenshot(page, '90-canvas-large-drag');
  await page.mouse.up();
  await expect(sketch).toBeHidden();
  await expect(wrapper).not.toHaveClass(/is-sketching/);
  await expect.poll(() => editor.nodes().count()).toBeGreaterThanOrEqual(mounted.nodes - 2);
  expect(await editor.edges().count()).toBeGreaterThan(20);
  const moved = (await node.boundingBox())!;
  expect(moved.x - box.x).toBeGreaterThan(100);
  await editor.expectSaved();

  // At full detail there is no picture: it draws the compact look only.
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  for (let i = 0; i < 8 && (await wrapper.getAttribute('data-zoomed-out')) !== null; i += 1)
    await zoomIn.click();
  await expect(wrapper).not.toHaveAttribute('data-zoomed-out');
  const other = await middleNodeInView(page);
  expect(other, 'a node in view at full detail').not.toBeNull();
  const label = (await page
    .locator(`.react-flow__node[data-id="${other}"] .baton-node-label`)
    .boundingBox())!;
  await page.mouse.move(label.x + 10, label.y + label.height / 2);
  await page.mouse.down();
  await page.mouse.move(label.x + 40, label.y + 30, { steps: 4 });
  await expect(wrapper).toHaveClass(/is-dragging/);
  await expect(sketch).toBeHidden();
  expect(await editor.nodes().count()).toBeGreaterThan(1);
  await page.mouse.up();
});

/** A node well inside the pane, in the middle of its chain (an edge in and one out), or null. */
function middleNodeInView(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const area = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    const node = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].find((n) => {
      const index = Number(n.dataset['id']!.slice(2)) % 10;
      const b = n.getBoundingClientRect();
      return (
        index > 0 &&
        index < 9 &&
        b.left > area.left + 80 &&
        b.right < area.right - 160 &&
        b.top > area.top + 80 &&
        b.bottom < area.bottom - 120
      );
    });
    return node?.dataset['id'] ?? null;
  });
}
