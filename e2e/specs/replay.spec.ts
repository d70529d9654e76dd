import { expect, test, type APIRequestContext } from '@playwright/test';
import { EditorPage } from '../pages/editor-page';
import { signIn } from '../pages/session';
import { ReplayPage } from '../pages/replay-page';
import { RunsPage } from '../pages/runs-page';
import { screenshot } from '../pages/screenshots';

const FLOW = 'order-to-fulfillment';

// An order whose date is written the European way: the published version rejects it.
const dottedDate = (orderId: string) => ({
  order_id: orderId,
  account_number: 'AC-123456',
  customer_tier: 'Gold',
  order_date: '18.03.2026',
  total: '149.00',
  email: 'ada@example.com',
  entered_at: '2026-03-18T09:00:00Z',
});

interface DraftNode {
  kind: string;
  config: { fields?: Array<{ to: string; transforms: Array<{ op: string; formats?: string[] }> }> };
}

/** Edits the flow's draft through the API: the fix an analyst would make in the mapping inspector. */
async function acceptDottedDatesInDraft(
  request: APIRequestContext,
  headers: Record<string, string>,
): Promise<unknown> {
  const original = (await (await request.get(`/api/flows/${FLOW}/draft`, { headers })).json()) as {
    nodes: DraftNode[];
  };
  const fixed = structuredClone(original);
  const mapping = fixed.nodes.find((n) => n.kind === 'mapping');
  const date = mapping?.config.fields
    ?.find((f) => f.to === 'ordered_at')
    ?.transforms.find((t) => t.op === 'date');
  date?.formats?.push('D.M.YYYY');
  const saved = await request.put(`/api/flows/${FLOW}/draft`, { data: fixed, headers });
  expect(saved.ok()).toBe(true);
  return original;
}

// Issue 8: a rejected run is found, replayed step by step with the keyboard, its failing field is
// highlighted, and a what-if against the fixed draft shows the outcome change.
test('replay a rejected run step by step, then what-if it against a fixed draft', async ({ page }) => {
  const { headers } = await signIn(page);
  const request = page.request;
  const runs = new RunsPage(page);
  const replay = new ReplayPage(page);
  const base = (Date.now() % 80000) + 10000;
  const orderId = `SO-${base}`;
  let runId = '';
  let originalDraft: unknown = null;

  await test.step('records arrive; the runs page counts them and shows a new one live', async () => {
    for (const [i, total] of ['12.00', '30.00'].entries()) {
      const res = await request.post(`/hooks/${FLOW}`, {
        data: { ...dottedDate(`SO-${base + 1 + i}`), order_date: '03/18/2026', total },
        headers,
      });
      expect(res.status()).toBe(200);
    }
    await runs.goto(FLOW);
    await expect(page.getByRole('group', { name: 'Counts per status' })).toContainText('succeeded');
    await expect(page.locator('.runs-live')).toHaveAttribute('data-live', 'live');
    const before = await runs.rows().count();
    // Sent while the page is open: it appears without a reload (server-sent events).
    const res = await request.post(`/hooks/${FLOW}`, { data: dottedDate(orderId), headers });
    expect(res.status()).toBe(422);
    runId = ((await res.json()) as { runId: string }).runId;
    await expect(runs.rows()).toHaveCount(before + 1, { timeout: 15_000 });
    await expect(runs.table.getByRole('link', { name: runId })).toBeVisible();
    await screenshot(page, '30-runs-live-counts');
  });

  await test.step('search by record key finds the run', async () => {
    await page.getByLabel('Search by record key or idempotency key').fill(orderId);
    await page.getByLabel('Search by record key or idempotency key').press('Enter');
    await expect(page).toHaveURL(new RegExp(`q=${orderId}`));
    await expect(runs.rows()).toHaveCount(1);
    await expect(page.locator('[data-count-status="rejected"] .count-value')).toHaveText('1');
    await screenshot(page, '31-runs-search');
    await runs.openRun(runId);
  });

  await test.step('the replay shows the version canvas with the path lit; ← → step through it', async () => {
    await expect(replay.canvas.getByTestId('replay-node').first()).toBeVisible();
    await expect(replay.position()).toHaveText('Step 1 of 4');
    await expect(replay.canvas.locator('[data-state="current"]')).toHaveCount(1);
    await expect(replay.canvas.locator('[data-state="unvisited"]')).not.toHaveCount(0);
    await screenshot(page, '32-replay-step-1');

    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/step=2$/);
    await expect(replay.position()).toHaveText('Step 2 of 4');
    // The mapping could not read the date: ordered_at comes out empty.
    await expect(replay.fieldRow('ordered_at')).toHaveAttribute('data-change', 'added');
    await expect(replay.fieldRow('order_id')).toHaveAttribute('data-change', 'same');

    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/step=3$/);
    await expect(replay.currentStep()).toContainText('rejected');
    await expect(replay.fieldRow('ordered_at')).toHaveAttribute('data-failing', 'true');
    await expect(replay.currentStep().getByRole('table', { name: 'Checks' })).toContainText(
      'ordered_at must be a real calendar date',
    );
    // The timeline, the step and its record in view: the failing field is outlined in red.
    await replay.timeline.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, '33-replay-failing-field');

    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/step=2$/);
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/step=3$/);
  });

  await test.step('what-if against the fixed draft: rejected → succeeded, nothing written', async () => {
    originalDraft = await acceptDottedDatesInDraft(request, headers);
    await replay.whatIf.getByLabel('Replay against').selectOption('draft');
    await replay.whatIf.getByRole('button', { name: 'Replay' }).click();
    const outcome = replay.whatIf.getByRole('status', { name: 'What-if outcome' });
    await expect(outcome).toContainText('rejected');
    await expect(outcome).toContainText('succeeded');
    await expect(outcome).toContainText('The outcome changes against the draft');
    await expect(replay.whatIf.getByRole('list', { name: 'Changes per step' })).toContainText(
      'ordered_at_calendar_date passes now',
    );
    await expect(
      replay.whatIf
        .getByRole('table', { name: 'Original and what-if output' })
        .locator('tr[data-field="ordered_at"]'),
    ).toHaveAttribute('data-change', 'changed');
    await replay.whatIf.scrollIntoViewIfNeeded();
    await screenshot(page, '34-what-if-outcome-change');
    // A dry run: the run itself is unchanged.
    const again = (await (await request.get(`/api/runs/${runId}`, { headers })).json()) as { status: string };
    expect(again.status).toBe('rejected');
  });

  await test.step('bulk what-if on the runs page reports the change with a link into the run', async () => {
    await runs.goto(FLOW);
    const panel = page.getByRole('region', { name: 'Bulk what-if' });
    await panel.getByLabel('Number of runs to replay').fill('50');
    await panel.getByRole('button', { name: 'Replay against the draft' }).click();
    const report = panel.getByLabel('What-if report');
    await expect(report).toContainText('would change outcome');
    await expect(report).toContainText('ordered_at_calendar_date');
    await expect(report.getByRole('link', { name: orderId })).toBeVisible();
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, '35-bulk-what-if-report');
    await report.getByRole('link', { name: orderId }).click();
    await expect(page).toHaveURL(new RegExp(`/runs/${runId}\\?whatIf=draft`));
    await expect(replay.whatIf.getByRole('status', { name: 'What-if outcome' })).toContainText(
      'The outcome changes',
    );
  });

  await test.step('the run exports as JSON and the list as CSV', async () => {
    const json = await request.get(`/api/runs/${runId}/export`, { headers });
    expect(json.headers()['content-disposition']).toContain('attachment');
    const csv = await request.get(`/api/runs/export.csv?flowId=${FLOW}&q=${orderId}`, { headers });
    expect((await csv.text()).split('\r\n')[1]).toContain(runId);
  });

  await test.step('the fixed draft is submitted with a what-if report, which the approver sees', async () => {
    await new EditorPage(page).goto(FLOW);
    await page.getByRole('button', { name: 'Submit for approval…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Submit a new version' });
    await dialog.getByLabel('Reason').fill('Accept European order dates (18.03.2026)');
    await dialog.getByLabel('Acceptance check').fill('Dotted dates are no longer rejected');
    await dialog.getByLabel('Risk').fill('None expected; roll back to the previous version');
    await dialog.getByLabel('Runs to replay for the what-if report').fill('50');
    await dialog.getByRole('button', { name: 'Attach what-if report' }).click();
    const attached = dialog.getByLabel('What-if report', { exact: true });
    await expect(attached).toContainText('would change outcome');
    await expect(attached).toContainText('ordered_at_calendar_date');
    await screenshot(page, '36-submit-with-what-if');
    await dialog.getByRole('button', { name: 'Submit for approval', exact: true }).click();
    const done = page.getByRole('dialog', { name: /^Version \d+ is in review$/ });
    await expect(done).toBeVisible({ timeout: 20_000 });
    const version = Number(
      /Version (\d+)/.exec((await done.getByRole('heading').first().textContent()) ?? '')?.[1],
    );
    await done.getByRole('link', { name: 'Open approvals' }).click();

    const card = page.getByRole('article', { name: `Order to fulfillment version ${version}` });
    await expect(card).toContainText('recent runs would change outcome');
    await card.getByRole('link', { name: 'see the report' }).click();
    const report = page.getByRole('region', { name: `What-if report attached to version ${version}` });
    await expect(report).toContainText('ordered_at_calendar_date');
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, '37-approval-what-if-report');
  });

  // Leave the seeded example's draft as it was for the other specs.
  if (originalDraft)
    expect((await request.put(`/api/flows/${FLOW}/draft`, { data: originalDraft, headers })).ok()).toBe(true);
});
