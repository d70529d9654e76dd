import { expect, type Locator, type Page } from '@playwright/test';

export class RunsPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Runs' });
  }

  async goto(flowId?: string): Promise<void> {
    await this.page.goto(flowId ? `/runs?flowId=${encodeURIComponent(flowId)}` : '/runs');
    await expect(this.page.getByRole('heading', { name: 'Runs', level: 1 })).toBeVisible();
  }

  rows(): Locator {
    return this.table.locator('tbody tr');
  }

  async filterByFlow(label: string): Promise<void> {
    await this.page.getByLabel('Filter by flow').selectOption({ label });
  }

  async openRun(runId: string): Promise<void> {
    await this.table.getByRole('link', { name: runId }).click();
    await expect(this.page).toHaveURL(new RegExp(`/runs/${runId}$`));
  }

  steps(): Locator {
    return this.page.getByRole('article');
  }
}
