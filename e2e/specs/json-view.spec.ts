import { expect, test } from '@playwright/test';
import { EditorPage } from '../pages/editor-page';
import { FlowsPage } from '../pages/flows-page';
import { screenshot } from '../pages/screenshots';
import { signIn } from '../pages/session';

// Every page needs a signed-in user; the analyst can do all these specs do.
test.beforeEach(async ({ page }) => {
  await signIn(page, 'analyst');
});

// The JSON view edits the same document as the canvas: Monaco validates against the generated
// FlowSource schema, and "Apply JSON" is one undoable command.
test('edit the draft as JSON, apply it, and undo it', async ({ page }) => {
  const flows = new FlowsPage(page);
  const editor = new EditorPage(page);
  await flows.goto();
  await flows.createFlow(`JSON e2e ${Date.now().toString(36)}`);

  await page.getByRole('tab', { name: 'JSON' }).click();
  const view = page.getByRole('region', { name: 'JSON view' });
  const monaco = view.locator('.monaco-editor').first();
  await expect(monaco).toBeVisible({ timeout: 20_000 });
  await expect(monaco).toContainText('"schemaVersion"');

  const source = {
    schemaVersion: 1,
    nodes: [
      { id: 'n_json0001', kind: 'trigger', kindVersion: 1, label: 'From JSON', config: { mode: 'webhook' } },
    ],
    edges: [],
    layout: { nodes: { n_json0001: { x: 120, y: 120 } } },
    meta: {},
  };
  const replaceText = async (text: string) => {
    await monaco.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(text, { delay: 2 });
  };

  // A member the schema does not know: Monaco marks it and Apply stays off.
  await replaceText(JSON.stringify({ ...source, colour: 'red' }));
  await expect(view.getByText(/schema problem/)).toBeVisible();
  await expect(view.getByRole('button', { name: 'Apply JSON' })).toBeDisabled();
  await screenshot(page, '24-json-view-schema-error');

  await replaceText(JSON.stringify(source));
  await expect(view.getByText('Valid: apply to update the draft')).toBeVisible();
  await view.getByRole('button', { name: 'Apply JSON' }).click();
  await expect(view.getByText('In sync with the canvas')).toBeVisible();

  await page.getByRole('tab', { name: 'Canvas' }).click();
  await expect(editor.nodes()).toHaveCount(1);
  await expect(editor.nodeByLabel('From JSON')).toBeVisible();
  await editor.expectSaved();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(editor.nodes()).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(editor.nodes()).toHaveCount(1);
});
