import { expect, test } from '@playwright/test';
import { apiAs } from '../pages/api-as';
import { MetricsPage, PortfolioPage } from '../pages/metrics-page';
import { screenshot } from '../pages/screenshots';
import { signIn } from '../pages/session';

const EXAMPLE = 'order-to-fulfillment';
const HOUR = 3_600_000;

/** 20 pre-pilot hand-offs: 6 to 9 hours each, every third reworked. */
function baselineCsv(): string {
  const rows = ['record_key,entered_at,completed_at,reworked'];
  for (let i = 0; i < 20; i++) {
    const entered = Date.UTC(2026, 0, 5 + i, 8);
    const completed = entered + (6 + (i % 4)) * HOUR;
    rows.push(
      `SO-${90000 + i},${new Date(entered).toISOString()},${new Date(completed).toISOString()},${i % 3 === 0 ? 'yes' : 'no'}`,
    );
  }
  return rows.join('\n');
}

// Issue 6, metrics: the seeded demo history shows real shapes on first start; a baseline CSV is
// imported (a bad one is refused line by line) and the charts compare with it.
test('metrics dashboard: demo history, baseline CSV import, charts', async ({ page, baseURL }) => {
  await signIn(page, 'analyst');
  const metrics = new MetricsPage(page);
  await metrics.goto(EXAMPLE);
  await expect(page.getByText('Demo data', { exact: true })).toBeVisible();
  await expect(page.getByText('No baseline yet', { exact: true })).toBeVisible();
  const ttv = metrics.panel('Time-to-Value over time');
  await expect(ttv.locator('.recharts-line').first()).toBeVisible();
  await expect(metrics.panel('Volume per status').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(metrics.panel('Rework by rule').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(metrics.kpi('SLA adherence').locator('.recharts-pie')).toBeVisible();
  await screenshot(page, '60-metrics-dashboard-demo');
  await metrics.panel('Top failing fields').scrollIntoViewIfNeeded();
  await expect(
    metrics.panel('Top failing fields').getByRole('cell', { name: 'CRM admin' }).first(),
  ).toBeVisible();
  await screenshot(page, '60-metrics-dashboard-charts');
  await page.evaluate(() => window.scrollTo(0, 0));

  // A bad file: refused with the lines at fault, nothing imported.
  await metrics.importBaseline(
    'record_key,entered_at,completed_at,reworked\nSO-1,2026-01-05T08:00:00Z,2026-01-05T12:00:00Z,no\nSO-2,soon,2026-01-05T12:00:00Z,no\nSO-3,2026-01-05T08:00:00Z,2026-01-05T12:00:00Z,perhaps\n',
  );
  await expect(metrics.dialog.getByText('line 3')).toBeVisible();
  await expect(metrics.dialog.getByText('line 4')).toBeVisible();
  await screenshot(page, '60-metrics-baseline-errors');

  await metrics.importBaseline(baselineCsv());
  await expect(metrics.dialog).toBeHidden();
  await expect(page.getByText('Imported 20 historical hand-offs as the baseline.')).toBeVisible();
  await expect(page.getByText('Baseline: 20 imported hand-offs')).toBeVisible();
  await expect(ttv.getByText(/^baseline /)).toBeVisible();
  await expect(ttv.getByText(/^SLA /)).toBeVisible();

  // The page's figures are the API's.
  const api = await apiAs(baseURL!, 'analyst');
  const report = (await (await api.get(`/api/flows/${EXAMPLE}/metrics`)).json()) as {
    summary: { count: number; baseline: { ttvP50Ms: number }; targets: { ttv: string } };
  };
  await api.dispose();
  expect(report.summary.baseline.ttvP50Ms).toBe(7 * HOUR);
  expect(report.summary.count).toBeGreaterThan(500);
  await expect(metrics.kpi('Time-to-Value (p50)').getByText('baseline 7.0 h')).toBeVisible();
  await expect(metrics.kpi('Time-to-Value (p50)').locator('.badge')).not.toHaveText('No baseline');
  await screenshot(page, '60-metrics-dashboard-baseline');

  const portfolio = new PortfolioPage(page);
  await portfolio.goto();
  const row = portfolio.row('Order to fulfillment');
  await expect(row).toBeVisible();
  await expect(row.getByText('Demo data')).toBeVisible();
  await screenshot(page, '60-metrics-portfolio');

  // Clearing the demo leaves only real runs (other specs may have sent some to the example).
  await metrics.goto(EXAMPLE);
  await page.getByRole('button', { name: 'Clear demo data' }).click();
  await expect(page.getByText('Demo data', { exact: true })).toBeHidden();
  const cleared = await apiAs(baseURL!, 'analyst');
  const after = (await (await cleared.get(`/api/flows/${EXAMPLE}/metrics`)).json()) as {
    summary: { count: number };
  };
  expect(after.summary.count).toBeLessThan(report.summary.count);

  // A flow that has seen no records shows the designed empty state.
  const flowId = `metrics-empty-${Date.now() % 100_000}`;
  const created = await cleared.post('/api/flows', { data: { id: flowId, name: 'Metrics empty state' } });
  expect(created.status(), await created.text()).toBe(201);
  await cleared.dispose();
  await metrics.goto(flowId);
  await expect(page.getByText('No runs in this period yet')).toBeVisible();
  await screenshot(page, '60-metrics-empty');
});
