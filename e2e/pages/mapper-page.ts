import { expect, type Locator, type Page } from '@playwright/test';

/** The visual field mapper, opened full screen from a mapping node's side panel. */
export class MapperPage {
  readonly dialog: Locator;
  readonly mapper: Locator;
  readonly preview: Locator;

  constructor(
    readonly page: Page,
    nodeLabel: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: nodeLabel });
    this.mapper = this.dialog.getByRole('region', { name: 'Visual field mapper' });
    this.preview = this.mapper.getByRole('region', { name: 'Mapping preview' });
  }

  /** From the mapping node's inspector: the compact mapper's Expand button. */
  async open(inspector: Locator): Promise<void> {
    await inspector.getByRole('button', { name: 'Open the mapper full screen' }).click();
    await expect(this.dialog).toBeVisible();
  }

  source(name: string): Locator {
    return this.mapper.locator(`[data-mapper-source="${name}"]`);
  }

  target(name: string): Locator {
    return this.mapper.locator(`[data-mapper-target="${name}"]`);
  }

  lines(): Locator {
    return this.mapper.locator('[data-line-to]');
  }

  async pasteSample(record: unknown): Promise<void> {
    await this.mapper.getByRole('textbox', { name: 'Sample record' }).fill(JSON.stringify(record, null, 2));
  }

  /** Draws a line with the real mouse: press on the source, move in steps, release on the target. */
  async drawLine(from: string, to: string): Promise<void> {
    const a = await box(this.source(from));
    const b = await box(this.target(to));
    const mouse = this.page.mouse;
    await mouse.move(a.x + a.width * 0.6, a.y + a.height / 2);
    await mouse.down();
    await mouse.move(a.x + a.width + 20, a.y + a.height / 2, { steps: 4 });
    await mouse.move(b.x + b.width * 0.4, b.y + b.height / 2, { steps: 12 });
    await mouse.up();
    await expect(this.mapper.locator(`[data-line-to="${to}"]`)).toHaveCount(1);
  }

  /** Clicks a line at its middle (where its badge sits) and answers the line's popover. */
  async openLine(from: string, to: string): Promise<Locator> {
    await this.mapper.getByRole('button', { name: `Edit mapping ${from} → ${to}` }).click();
    const popover = this.mapper.getByRole('dialog', { name: `Mapping of ${to}` });
    await expect(popover).toBeVisible();
    return popover;
  }

  previewRow(target: string): Locator {
    return this.preview.locator(`[data-preview-field="${target}"]`);
  }
}

async function box(locator: Locator) {
  await expect(locator).toBeVisible();
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}
