import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { BatchPage } from '../pages/batch-page';
import { screenshot } from '../pages/screenshots';
import { signIn } from '../pages/session';

const FLOW = 'order-to-fulfillment';
const SAMPLE = join(import.meta.dirname, '..', '..', 'examples', FLOW, 'sample-records.jsonl');
const SAMPLE_ROWS = readFileSync(SAMPLE, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '').length;

/** Example orders with two bad lines (3: too few cells, 5: too many). */
const CSV = [
  'order_id,account_number,customer_tier,order_date,total,email',
  'SO-50001,AB-500001,Gold,2026-03-15,10.5,a@example.com',
  'SO-50002,AB-500002',
  'SO-50003,AB-500003,silver,2026-03-16,20,b@example.com',
  'SO-50004,AB-500004,Gold,2026-03-16,30,c@example.com,extra',
  '',
].join('\n');

test('upload the sample JSONL and a CSV with bad rows; see progress, summary and rejects', async ({
  page,
}) => {
  await signIn(page, 'analyst');
  const batches = new BatchPage(page);

  await test.step('the page asks for a flow first, with the file picker waiting', async () => {
    await batches.goto();
    await expect(page.getByRole('button', { name: 'Start upload' })).toBeDisabled();
    await screenshot(page, '50-batch-empty');
    await batches.pickFlow(/Order/);
    await expect(page).toHaveURL(new RegExp(`/flows/${FLOW}/batches$`));
  });

  await test.step('the example sample file runs row by row to a summary', async () => {
    await batches.chooseFile(SAMPLE);
    await expect(page.getByTestId('batch-dropzone')).toContainText('sample-records.jsonl');
    await batches.start();
    await batches.waitForSummary();
    const total = await Promise.all(
      ['succeeded', 'flagged', 'rejected', 'failed', 'duplicate'].map(async (s) =>
        Number(await batches.count(s).innerText()),
      ),
    );
    expect(total.reduce((a, b) => a + b, 0)).toBe(SAMPLE_ROWS);
    await expect(batches.count('malformed')).toHaveText('0');
    await screenshot(page, '50-batch-jsonl-summary');
  });

  await test.step('a CSV with two bad lines: counted as malformed, downloadable as rejects', async () => {
    await batches.chooseFile({
      name: 'orders-with-bad-rows.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await batches.start();
    await batches.waitForSummary();
    await expect(batches.count('malformed')).toHaveText('2');
    await expect(page.getByRole('table').getByText('orders-with-bad-rows.csv')).toBeVisible();
    await screenshot(page, '50-batch-csv-summary');

    const download = page.waitForEvent('download');
    await batches.downloadRejectsLink().click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/-rejects\.csv$/);
    const path = await file.path();
    const text = readFileSync(path, 'utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('line,reason,error,runId,raw');
    expect(lines.filter((l) => /^\d+,malformed,/.test(l)).map((l) => l.split(',')[0])).toEqual(['3', '5']);
  });

  await test.step('a file of another kind is refused before anything is sent', async () => {
    await batches.chooseFile({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(page.getByRole('alert')).toContainText('not a .csv or .jsonl file');
    await expect(page.getByRole('button', { name: 'Start upload' })).toBeDisabled();
    await screenshot(page, '50-batch-wrong-file');
  });
});

test('the trigger inspector previews a schedule and shows its status', async ({ page }) => {
  const session = await signIn(page, 'analyst');
  const created = await page.request.post('/api/flows', {
    data: { name: 'Scheduled orders' },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const source = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'examples', FLOW, 'flow.json'), 'utf8'),
  ) as { nodes: Array<{ kind: string; config: Record<string, unknown> }> };
  const trigger = source.nodes.find((n) => n.kind === 'trigger')!;
  trigger.config = {
    mode: 'schedule',
    schedule: {
      cron: '0 9 * * MON-FRI',
      source: {
        kind: 'sql',
        connection: 'crm',
        query: 'SELECT * FROM orders',
        cursorColumn: 'id',
        limit: 100,
      },
    },
  };
  const saved = await page.request.put(`/api/flows/${id}/draft`, {
    data: source,
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await page.goto(`/flows/${id}`);
  await page.locator('[data-testid="baton-node"][data-kind="trigger"] .baton-node-head').click();
  const preview = page.getByTestId('cron-preview');
  await expect(preview.locator('li')).toHaveCount(3);
  await expect(page.getByText('Not running: the published version has no schedule trigger')).toBeVisible();
  await screenshot(page, '51-schedule-inspector');

  await page.getByLabel('Cron').fill('61 * * * *');
  await expect(preview).toContainText('"61" is not a valid minute');
  await expect(preview).not.toContainText('CronPattern');
  await screenshot(page, '51-schedule-invalid-cron');
});
