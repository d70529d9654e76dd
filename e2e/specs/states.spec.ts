import { expect, test } from '@playwright/test';
import { EditorPage } from '../pages/editor-page';
import { FlowsPage } from '../pages/flows-page';
import { RunsPage } from '../pages/runs-page';
import { screenshot } from '../pages/screenshots';
import { signIn } from '../pages/session';

// Every page needs a signed-in user; the analyst can do all these specs do.
test.beforeEach(async ({ page }) => {
  await signIn(page, 'analyst');
});

// Designed empty and error states: what a person sees when there is nothing, or it went wrong.
test('a run id that does not exist shows a designed "not found"', async ({ page }) => {
  await page.goto('/runs/run_does_not_exist');
  await expect(page.getByRole('heading', { name: 'Run not found' })).toBeVisible();
  await expect(page.getByText('run_does_not_exist').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to runs' })).toBeVisible();
  await screenshot(page, '20-run-not-found');
});

test('an unknown flow shows a designed "not found"', async ({ page }) => {
  await page.goto('/flows/no-such-flow');
  await expect(page.getByRole('heading', { name: 'Flow not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to flows' }).click();
  await expect(page.getByRole('heading', { name: 'Flows', level: 1 })).toBeVisible();
});

test('runs filtered to nothing say so and offer to clear the filters', async ({ page }) => {
  const runs = new RunsPage(page);
  await page.goto('/runs?status=duplicate');
  await expect(page.getByRole('heading', { name: 'No runs match these filters' })).toBeVisible();
  await screenshot(page, '21-runs-empty-filter');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/runs$/);
  await expect(runs.page.getByRole('heading', { name: 'Runs', level: 1 })).toBeVisible();
});

test('a test run of a draft that does not compile explains why', async ({ page }) => {
  const flows = new FlowsPage(page);
  const editor = new EditorPage(page);
  await flows.goto();
  await flows.createFlow(`Empty e2e ${Date.now().toString(36)}`);
  await expect(editor.problems.getByRole('button', { name: /no_trigger/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit for approval…' })).toBeDisabled();
  await editor.openTestRun();
  await editor.testRun.getByRole('button', { name: /Run$/ }).click();
  await expect(editor.testRun.getByRole('alert')).toBeVisible();
  await expect(editor.testRun.getByText('no_trigger')).toBeVisible();
  await expect(editor.testRun.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await screenshot(page, '22-test-run-draft-invalid');
});

test('an API failure on the flows list shows an error with retry', async ({ page }) => {
  let fail = true;
  await page.route('**/api/flows', async (route) => {
    if (fail) {
      await route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          title: 'Unavailable',
          status: 503,
          detail: 'The database is not ready',
          code: 'not_ready',
        }),
      });
    } else {
      await route.continue();
    }
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Could not load flows' })).toBeVisible();
  await expect(page.getByText('code: not_ready')).toBeVisible();
  await screenshot(page, '23-flows-error');
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('link', { name: 'Open flow Order to fulfillment' })).toBeVisible();
});
