import { expect, test } from '@playwright/test';
import { CanvasPage, emptyFlow, flowFromTemplate } from '../pages/canvas-page';
import { screenshot } from '../pages/screenshots';
import { signIn } from '../pages/session';

// Issue 9, layout and editing: clipboard, history, keyboard-only drawing, shortcuts overlay.

test('copy and paste a group of nodes, within a flow and into another one', async ({ page }) => {
  const { csrfToken } = await signIn(page, 'analyst');
  const source = await flowFromTemplate(page, csrfToken, 'crm-order-to-fulfilment', 'Clipboard source');
  const target = await emptyFlow(page, csrfToken, 'Clipboard target');
  const editor = new CanvasPage(page);
  await editor.goto(source);
  await expect(editor.nodes()).toHaveCount(6);
  await expect(editor.edges()).toHaveCount(5);

  await editor.nodeByLabel('Normalise order fields').locator('.baton-node-kind').click();
  await editor.shiftSelect('Order rules', 'Queue for fulfilment');
  expect(await editor.selectedCount()).toBe(3);
  await page.keyboard.press('ControlOrMeta+C');
  await page.keyboard.press('ControlOrMeta+V');
  // Three copies and the two edges among them (mapping → rules → write), selected, offset.
  await expect(editor.nodes()).toHaveCount(9);
  await expect(editor.edges()).toHaveCount(7);
  await expect(editor.nodeByLabel('Order rules 2')).toHaveCount(1);
  expect(await editor.selectedCount()).toBe(3);
  await screenshot(page, '90-canvas-pasted-group');
  await editor.expectSaved();

  await page.keyboard.press('ControlOrMeta+D');
  await expect(editor.nodes()).toHaveCount(12);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(editor.nodes()).toHaveCount(9);
  await editor.expectSaved();

  // Across flows: the clipboard keeps the copy while another flow opens.
  await editor.goto(target);
  await expect(editor.nodes()).toHaveCount(0);
  await editor.canvas.locator('.react-flow__pane').click();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(editor.nodes()).toHaveCount(3);
  await expect(editor.edges()).toHaveCount(2);
  await expect(editor.nodeByLabel('Normalise order fields')).toHaveCount(1);
  await editor.expectSaved();
});

test('undo and redo a sequence of ten edits', async ({ page }) => {
  const { csrfToken } = await signIn(page, 'analyst');
  const flowId = await emptyFlow(page, csrfToken, 'History of ten');
  const editor = new CanvasPage(page);
  await editor.goto(flowId);
  const undo = page.getByRole('button', { name: 'Undo' });

  const states: string[] = [await editor.fingerprint()];
  const edits: [string, () => Promise<void>][] = [
    ['add trigger', () => editor.addByKeyboard('trigger')],
    ['add mapping after it', () => editor.addByKeyboard('mapping')],
    ['add log after it', () => editor.addByKeyboard('log')],
    [
      'rename',
      async () => {
        await editor.nodeByLabel('Log').locator('.baton-node-label').dblclick();
        const field = editor.canvas.getByRole('textbox', { name: 'Node name' });
        await field.fill('Ledger');
        await field.press('Enter');
      },
    ],
    ['auto-layout', () => editor.tools.getByRole('button', { name: 'Auto-layout' }).click()],
    [
      'move right',
      async () => {
        await editor.nodeByLabel('Ledger').locator('.baton-node-kind').click();
        await page.keyboard.press('ArrowRight');
      },
    ],
    ['move down', () => page.keyboard.press('ArrowDown')],
    ['duplicate', () => page.keyboard.press('ControlOrMeta+D')],
    ['delete the copy', () => page.keyboard.press('Delete')],
    [
      'rename again',
      async () => {
        await editor.nodeByLabel('Mapping').locator('.baton-node-label').dblclick();
        const field = editor.canvas.getByRole('textbox', { name: 'Node name' });
        await field.fill('Shape the record');
        await field.press('Enter');
      },
    ],
  ];
  for (const [name, edit] of edits) {
    await edit();
    await expect.poll(() => editor.fingerprint(), { message: name }).not.toBe(states.at(-1));
    states.push(await editor.fingerprint());
  }
  await expect(editor.edges()).toHaveCount(2);
  await screenshot(page, '90-canvas-ten-edits');

  for (let i = states.length - 2; i >= 0; i -= 1) {
    await undo.click();
    await expect.poll(() => editor.fingerprint(), { message: `undo to state ${i}` }).toBe(states[i]);
  }
  await expect(undo).toBeDisabled();
  const redo = page.getByRole('button', { name: 'Redo' });
  for (let i = 1; i < states.length; i += 1) {
    await redo.click();
    await expect.poll(() => editor.fingerprint(), { message: `redo to state ${i}` }).toBe(states[i]);
  }
  await expect(redo).toBeDisabled();
  await editor.expectSaved();
});

test('keyboard only: a connected three-node flow, renamed, and the shortcuts overlay', async ({ page }) => {
  const { csrfToken } = await signIn(page, 'analyst');
  const flowId = await emptyFlow(page, csrfToken, 'Keyboard only');
  const editor = new CanvasPage(page);
  await editor.goto(flowId);
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await editor.addByKeyboard('trigger');
  await editor.addByKeyboard('mapping');
  await editor.addByKeyboard('write');
  await expect(editor.nodes()).toHaveCount(3);
  // Each node was added after the selected one, wired from its free output.
  await expect(editor.edges()).toHaveCount(2);

  // Escape clears the search, Escape again leaves it; F2 renames the selected node (the write).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F2');
  const field = editor.canvas.getByRole('textbox', { name: 'Node name' });
  await expect(field).toBeFocused();
  await page.keyboard.type('Queue the case');
  await page.keyboard.press('Enter');
  await expect(editor.nodeByLabel('Queue the case')).toHaveAttribute('data-kind', 'write');
  await expect(editor.nodes()).toHaveCount(3);
  // Nodes and edges are in the tab order with names, for keyboard and screen-reader users.
  await expect(editor.canvas.locator('.react-flow__node').first()).toHaveAttribute('tabindex', '0');
  await expect(editor.canvas.locator('.react-flow__node').first()).toHaveAttribute(
    'aria-label',
    /trigger node/,
  );
  await expect(editor.canvas.locator('.react-flow__edge').first()).toHaveAttribute('tabindex', '0');

  // Snap toggles with G; ? opens the overlay listing every shortcut.
  const snap = editor.tools.getByRole('button', { name: 'Snap to grid' });
  await expect(snap).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('g');
  await expect(snap).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByText('Duplicate the selection')).toBeVisible();
  await screenshot(page, '90-canvas-shortcuts');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await editor.expectSaved();
  // The new write node asks for what it lacks in words an analyst reads, once per setting.
  await expect(editor.problems.getByText('Table: required', { exact: true })).toBeVisible();
  await expect(editor.problems.getByText('Key fields: add at least one', { exact: true })).toBeVisible();
  await expect(editor.problems.getByText(/Expected|\/table/)).toHaveCount(0);
  await screenshot(page, '90-canvas-keyboard-flow');
});

test('keyboard only: carry palette entries onto the canvas with Space and the arrow keys', async ({
  page,
}) => {
  const { csrfToken } = await signIn(page, 'analyst');
  const flowId = await emptyFlow(page, csrfToken, 'Keyboard carry');
  const editor = new CanvasPage(page);
  await editor.goto(flowId);
  const canvasBox = (await editor.canvas.boundingBox())!;
  const centre = { x: canvasBox.x + canvasBox.width / 2, y: canvasBox.y + canvasBox.height / 2 };

  // The first arrow carries the entry to the centre of the canvas; two more move it 40 px each.
  await editor.carryFromPalette('log', 'Log', ['ArrowRight', 'ArrowRight', 'ArrowDown']);
  await expect(editor.nodes()).toHaveCount(1);
  await expect(editor.node('log')).toHaveCount(1);
  await expect(editor.announcement()).toHaveText('Log added to the canvas.');
  // Dropped where it was carried: the node covers the centre of the canvas moved right and down.
  const placed = (await editor.node('log').boundingBox())!;
  const target = { x: centre.x + 40, y: centre.y + 40 };
  expect(placed.x < target.x && target.x < placed.x + placed.width, JSON.stringify({ placed, target })).toBe(
    true,
  );
  expect(placed.y < target.y && target.y < placed.y + placed.height, JSON.stringify({ placed, target })).toBe(
    true,
  );
  await screenshot(page, '90-canvas-keyboard-carry');

  // Escape cancels: nothing is added.
  const trigger = editor.palette.locator('[data-kind="trigger"]');
  await trigger.focus();
  await page.keyboard.press('Space');
  await expect(editor.announcement()).toHaveText(/^Picked up Trigger\./);
  await page.keyboard.press('ArrowRight');
  await expect(editor.announcement()).toHaveText(/^Trigger is over the canvas/);
  await page.keyboard.press('Escape');
  await expect(editor.announcement()).toHaveText('Cancelled. Trigger was not added.');
  await expect(editor.nodes()).toHaveCount(1);

  // Enter drops too; and Enter on an entry that is not picked up still adds it straight away.
  await editor.carryFromPalette('write', 'Write', ['ArrowLeft'], 'Enter');
  await expect(editor.node('write')).toHaveCount(1);
  await editor.palette.locator('[data-kind="validation"]').focus();
  await page.keyboard.press('Enter');
  await expect(editor.node('validation')).toHaveCount(1);
  await expect(editor.nodes()).toHaveCount(3);
  await editor.expectSaved();
});
