import { createRequire } from 'node:module';
import { expect, type Locator, type Page } from '@playwright/test';
import { EditorPage, type Kind } from './editor-page';

/** The editor plus the canvas tools, clipboard, shortcuts and template dialog of issue 9. */
export class CanvasPage extends EditorPage {
  readonly tools: Locator;

  constructor(page: Page) {
    super(page);
    this.tools = page.getByRole('toolbar', { name: 'Canvas tools' });
  }

  /** Node labels and positions, sorted: what an undo or redo must restore exactly. */
  async fingerprint(): Promise<string> {
    return this.canvas.locator('.react-flow__node').evaluateAll((nodes) =>
      nodes
        .map(
          (n) =>
            `${n.querySelector('.baton-node-label')?.textContent ?? ''}@${(n as HTMLElement).style.transform}`,
        )
        .sort()
        .join('|'),
    );
  }

  /** Shift-clicks nodes by label, adding each to the selection. */
  async shiftSelect(...labels: string[]): Promise<void> {
    for (const label of labels) {
      await this.nodeByLabel(label)
        .first()
        .locator('.baton-node-kind')
        .click({ modifiers: ['Shift'] });
    }
  }

  async selectedCount(): Promise<number> {
    return this.canvas.locator('.react-flow__node.selected').count();
  }

  /** dnd-kit's live region: what a screen reader hears while a palette entry is carried. */
  announcement(): Locator {
    return this.page.locator('[id^="DndLiveRegion"]');
  }

  /**
   * Carries a palette entry onto the canvas with the keyboard (dnd-kit's KeyboardSensor): focus
   * the entry, Space picks it up, the arrows carry it (the first onto the canvas), Space drops it.
   * Waits for each announcement, so no key is pressed before the sensor listens for it.
   */
  async carryFromPalette(kind: Kind, title: string, arrows: string[], drop = 'Space'): Promise<void> {
    await this.palette.locator(`[data-kind="${kind}"]`).focus();
    await this.page.keyboard.press('Space');
    await expect(this.announcement()).toHaveText(new RegExp(`^Picked up ${title}\\.`));
    for (const key of arrows) await this.page.keyboard.press(key);
    await expect(this.announcement()).toHaveText(
      `${title} is over the canvas. Press Space or Enter to drop it here.`,
    );
    await this.page.keyboard.press(drop);
  }

  /** Adds a node without the mouse: `/` focuses the palette search, type, Enter adds the first match. */
  async addByKeyboard(query: string): Promise<void> {
    const search = this.palette.getByRole('searchbox', { name: 'Search nodes' });
    const focused = await search.evaluate((el) => el === document.activeElement);
    if (!focused) await this.page.keyboard.press('/');
    await expect(search).toBeFocused();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(query);
    await this.page.keyboard.press('Enter');
  }
}

/** Creates a flow from a template through the API as the page's signed-in user; answers its id. */
export async function flowFromTemplate(
  page: Page,
  csrfToken: string,
  templateId: string,
  name: string,
): Promise<string> {
  const res = await page.request.post('/api/flows', {
    data: { name, templateId },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

export async function emptyFlow(page: Page, csrfToken: string, name: string): Promise<string> {
  const res = await page.request.post('/api/flows', {
    data: { name },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; any: { data: unknown }[] }[];
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Runs axe-core in the page (injected as a script: @axe-core/playwright needs Node 22) and
 * answers the serious and critical violations, one line each with the first few elements (and
 * the measured colours for contrast), ready for an assertion message.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    type Axe = { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, any: n.any.map((a) => ({ data: a.data })) })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes
        .slice(0, 4)
        .map((n) => {
          const data = n.any[0]?.data as {
            fgColor?: string;
            bgColor?: string;
            contrastRatio?: number;
          } | null;
          const colours = data?.fgColor ? ` (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio})` : '';
          return `${n.target.join(' ')}${colours}`;
        })
        .join(', ');
      return `${v.impact} ${v.id}: ${v.help} — ${where}`;
    });
}
