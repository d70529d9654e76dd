import { expect, type Locator, type Page } from '@playwright/test';

/** The per-flow metrics dashboard (`/flows/:id/metrics`) and its baseline dialog. */
export class MetricsPage {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Pre-pilot baseline' });
  }

  async goto(flowId: string): Promise<void> {
    await this.page.goto(`/flows/${encodeURIComponent(flowId)}/metrics`);
    await expect(this.page.getByRole('heading', { name: /^Metrics/, level: 1 })).toBeVisible();
  }

  panel(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  kpi(name: string): Locator {
    return this.page.locator('.metrics-kpi', { has: this.page.getByText(name, { exact: true }) });
  }

  /** Opens the baseline dialog and imports `csv` as a file. */
  async importBaseline(csv: string): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.page.getByRole('button', { name: 'Baseline…' }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByLabel('CSV of historical hand-offs').setInputFiles({
      name: 'baseline.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await this.dialog.getByRole('button', { name: 'Import CSV' }).click();
  }
}

export class PortfolioPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.locator('table.metrics-portfolio');
  }

  async goto(): Promise<void> {
    await this.page.goto('/metrics');
    await expect(this.page.getByRole('heading', { name: 'Portfolio', level: 1 })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr', { has: this.page.getByRole('link', { name }) });
  }
}
