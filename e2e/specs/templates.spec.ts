import { expect, test } from '@playwright/test';
import { FlowsPage } from '../pages/flows-page';
import { CanvasPage } from '../pages/canvas-page';
import { screenshot } from '../pages/screenshots';
import { signIn } from '../pages/session';

const TEMPLATES = [
  { id: 'crm-order-to-fulfilment', title: 'CRM order → fulfilment queue' },
  { id: 'ticket-to-billing-adjustment', title: 'Support ticket → billing adjustment' },
  { id: 'intake-form-to-case-record', title: 'Intake form → case record' },
];

// Issue 9: a new flow from each template opens ready to adapt and test-runs successfully on the
// template's own sample record, without typing anything.
for (const [index, template] of TEMPLATES.entries()) {
  test(`new flow from the "${template.title}" template test-runs successfully`, async ({ page }) => {
    await signIn(page, 'analyst');
    const flows = new FlowsPage(page);
    const editor = new CanvasPage(page);
    await flows.goto();
    await page.getByRole('button', { name: 'From template…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New flow from template' });
    await expect(dialog.getByRole('radio')).toHaveCount(3);
    await dialog.getByRole('radio', { name: new RegExp(template.title) }).click();
    await expect(dialog.getByLabel('Flow name')).toHaveValue(template.title);
    if (index === 0) await screenshot(page, '90-canvas-template-dialog');
    await dialog.getByRole('button', { name: 'Create from template' }).click();
    await expect(page).toHaveURL(/\/flows\/[^/]+$/);

    await expect(editor.nodes()).toHaveCount(6);
    await expect(editor.edges()).toHaveCount(5);
    // It opens readable: fitted, its six nodes in a row would be ~0.43 and their names 5 px. At the
    // readable zoom its start is in view (the trigger first); Fit still shows all of it.
    expect(await editor.zoom()).toBeCloseTo(0.75, 5);
    const opened = await editor.labelsInView();
    expect(opened.length).toBeGreaterThanOrEqual(2);
    expect(opened.length).toBeLessThan(6);
    await expect(editor.node('trigger')).toHaveCount(1);
    expect(opened).toContain(await editor.node('trigger').locator('.baton-node-label').innerText());
    if (index === 0) await screenshot(page, '90-canvas-template-opened');
    await editor.fitView();
    await expect.poll(() => editor.labelsInView().then((l) => l.length)).toBe(6);
    expect(await editor.zoom()).toBeLessThan(0.75);
    await expect(editor.problems.getByText('0 errors')).toBeVisible();
    await editor.openTestRun();
    await editor.runTest();
    const trace = editor.testRun.getByLabel('Trace', { exact: true });
    await expect(trace.locator('.trace-summary [data-status]')).toHaveText('succeeded');
    await expect(trace.locator('.trace-step')).toHaveCount(5);
    await screenshot(page, `90-canvas-template-${template.id}`);
  });
}
