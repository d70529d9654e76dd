import { expect, test } from '@playwright/test';
import { CanvasPage, seriousA11yViolations } from '../pages/canvas-page';
import { signIn } from '../pages/session';

// Issue 9: no serious or critical axe-core violations on the main pages.

test('the flows list, the editor and the runs page have no serious accessibility violations', async ({
  page,
}) => {
  await signIn(page, 'analyst');

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Flows', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /Open flow/ }).first()).toBeVisible();
  const found: Record<string, string[]> = { flows: await seriousA11yViolations(page) };

  const editor = new CanvasPage(page);
  await editor.goto('order-to-fulfillment');
  await expect(editor.nodes()).toHaveCount(6);
  await expect(editor.problems.getByText('0 errors')).toBeVisible();
  found['editor'] = await seriousA11yViolations(page);

  await page.goto('/runs');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  found['runs'] = await seriousA11yViolations(page);
  // All pages checked before asserting, so one run lists every problem.
  expect(found).toEqual({ flows: [], editor: [], runs: [] });
});
