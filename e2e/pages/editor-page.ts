import { expect, type Locator, type Page } from '@playwright/test';

export type Kind = 'trigger' | 'mapping' | 'validation' | 'write' | 'log';

interface Point {
  x: number;
  y: number;
}

export class EditorPage {
  readonly canvas: Locator;
  readonly palette: Locator;
  readonly sidePanel: Locator;
  readonly problems: Locator;
  readonly saveStatus: Locator;
  readonly testRun: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByRole('region', { name: 'Canvas' });
    this.palette = page.getByRole('complementary', { name: 'Palette' });
    this.sidePanel = page.getByRole('complementary', { name: 'Side panel' });
    this.problems = page.getByRole('region', { name: 'Problems' });
    this.saveStatus = page.getByRole('status', { name: /^Draft / });
    this.testRun = page.getByRole('region', { name: 'Test run' });
  }

  async goto(flowId: string): Promise<void> {
    await this.page.goto(`/flows/${encodeURIComponent(flowId)}`);
    await expect(this.canvas).toBeVisible();
  }

  /** Every node on the canvas (the custom node view carries its kind). */
  nodes(): Locator {
    return this.canvas.locator('[data-testid="baton-node"]');
  }

  node(kind: Kind): Locator {
    return this.canvas.locator(`[data-testid="baton-node"][data-kind="${kind}"]`);
  }

  nodeByLabel(label: string): Locator {
    return this.nodes().filter({ has: this.page.locator('.baton-node-label', { hasText: label }) });
  }

  edges(): Locator {
    return this.canvas.locator('.react-flow__edge');
  }

  /**
   * Drags a palette entry onto the canvas with the real mouse: press, a few small moves to pass
   * dnd-kit's activation distance, then a stepped move to the target and release.
   * `target` is relative to the canvas's top-left corner. Returns the drop point in page pixels.
   */
  async dragFromPalette(kind: Kind, target: Point): Promise<Point> {
    const entry = this.palette.locator(`[data-kind="${kind}"]`);
    const from = center(await box(entry));
    const canvasBox = await box(this.canvas);
    const to = { x: canvasBox.x + target.x, y: canvasBox.y + target.y };
    const mouse = this.page.mouse;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move(from.x + 6, from.y + 4, { steps: 3 });
    await mouse.move(to.x, to.y, { steps: 20 });
    await mouse.up();
    return to;
  }

  handle(kind: Kind, port: string, type: 'source' | 'target'): Locator {
    return this.node(kind).locator(`.react-flow__handle.${type}[data-handleid="${port}"]`);
  }

  /** Drags from an output handle to an input handle, as a person connects two nodes. */
  async connect(from: Kind, fromPort: string, to: Kind, toPort = 'in'): Promise<void> {
    const start = center(await box(this.handle(from, fromPort, 'source')));
    const end = center(await box(this.handle(to, toPort, 'target')));
    const mouse = this.page.mouse;
    await mouse.move(start.x, start.y);
    await mouse.down();
    await mouse.move(start.x + 20, start.y + 5, { steps: 4 });
    await mouse.move(end.x, end.y, { steps: 15 });
    await mouse.up();
  }

  /** Clicks an edge where its label sits (the label lets clicks through to the edge path). */
  async clickEdgeLabel(index: number): Promise<void> {
    const label = this.canvas.locator('.baton-edge-label').nth(index);
    const b = await box(label);
    await this.page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  }

  /** Drags a node on the canvas by its header: many pointer moves, one gesture. */
  async dragNode(kind: Kind, by: { dx: number; dy: number }): Promise<void> {
    const start = center(await box(this.node(kind).locator('.baton-node-label')));
    const mouse = this.page.mouse;
    await mouse.move(start.x, start.y);
    await mouse.down();
    await mouse.move(start.x + by.dx, start.y + by.dy, { steps: 12 });
    await mouse.up();
  }

  /** The canvas's zoom, read from React Flow's viewport transform. */
  async zoom(): Promise<number> {
    const transform = await this.canvas
      .locator('.react-flow__viewport')
      .evaluate((v) => getComputedStyle(v).transform);
    // matrix(a, b, c, d, tx, ty): the scale is `a`.
    return Number(/matrix\(([^,]+)/.exec(transform)?.[1] ?? NaN);
  }

  /** Labels of the nodes whose whole box lies inside the canvas, as a person sees them. */
  async labelsInView(): Promise<string[]> {
    return this.canvas.evaluate((canvas) => {
      const area = canvas.getBoundingClientRect();
      return [...canvas.querySelectorAll('[data-testid="baton-node"]')]
        .filter((node) => {
          const b = node.getBoundingClientRect();
          return b.left >= area.left && b.right <= area.right && b.top >= area.top && b.bottom <= area.bottom;
        })
        .map((node) => node.querySelector('.baton-node-label')?.textContent ?? '');
    });
  }

  async fitView(): Promise<void> {
    await this.canvas.getByRole('button', { name: /fit view/i }).click();
  }

  async selectNode(kind: Kind): Promise<void> {
    await this.node(kind).locator('.baton-node-head').click();
    await expect(this.inspector()).toBeVisible();
  }

  inspector(): Locator {
    return this.sidePanel.getByLabel('Node inspector');
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAccessibleName('Draft Saved', { timeout: 10_000 });
  }

  async openTestRun(): Promise<void> {
    await this.page.getByRole('button', { name: '▶ Test run' }).click();
    await expect(this.testRun).toBeVisible();
  }

  /** Replaces the sample record in the test-run panel's Monaco editor by typing it, key by key. */
  async typeRecord(record: unknown): Promise<void> {
    const editor = this.testRun.locator('.monaco-editor').first();
    await expect(editor).toBeVisible({ timeout: 20_000 });
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    // One line, typed as a person would: Monaco closes brackets and quotes as they open and
    // types over the closers when they are typed, so the result is exactly this JSON.
    await this.page.keyboard.type(JSON.stringify(record), { delay: 5 });
    await expect(this.testRun.getByText('Not valid JSON yet')).toHaveCount(0);
  }

  async runTest(): Promise<void> {
    await this.testRun.getByRole('button', { name: /Run$/ }).click();
    await expect(this.testRun.getByLabel('Trace')).toBeVisible({ timeout: 20_000 });
  }

  /** Submits the draft as a new version through the dialog; answers its number (it is then in review). */
  async submitForApproval(note: { reason: string; acceptanceCheck: string; risk: string }): Promise<number> {
    await this.page.getByRole('button', { name: 'Submit for approval…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Submit a new version' });
    await dialog.getByLabel('Reason').fill(note.reason);
    await dialog.getByLabel('Acceptance check').fill(note.acceptanceCheck);
    await dialog.getByLabel('Risk').fill(note.risk);
    await dialog.getByRole('button', { name: 'Submit for approval' }).click();
    const done = this.page.getByRole('dialog', { name: /^Version \d+ is in review$/ });
    await expect(done).toBeVisible({ timeout: 20_000 });
    const title = (await done.getByRole('heading').first().textContent()) ?? '';
    return Number(/Version (\d+)/.exec(title)?.[1]);
  }
}

async function box(locator: Locator) {
  await expect(locator).toBeVisible();
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}

function center(b: { x: number; y: number; width: number; height: number }): Point {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}
