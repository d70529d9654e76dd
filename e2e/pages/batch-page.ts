import { expect, type Locator, type Page } from '@playwright/test';

/** The batch upload page: pick a flow, give it a file, watch the progress, read the summary. */
export class BatchPage {
  readonly summary: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId('batch-summary');
    this.progress = page.getByRole('progressbar', { name: 'Batch progress' });
  }

  async goto(flowId?: string): Promise<void> {
    await this.page.goto(flowId ? `/flows/${encodeURIComponent(flowId)}/batches` : '/batches');
    await expect(this.page.getByRole('heading', { name: 'Batch upload', level: 1 })).toBeVisible();
  }

  async pickFlow(label: string | RegExp): Promise<void> {
    const select = this.page.getByLabel('Flow', { exact: true });
    const option = select.locator('option', { hasText: label });
    await select.selectOption(
      await option
        .first()
        .getAttribute('value')
        .then((v) => v ?? ''),
    );
  }

  /** Chooses the file through the hidden input, as "Choose a file" would. */
  async chooseFile(file: { name: string; mimeType: string; buffer: Buffer } | string): Promise<void> {
    await this.page.getByLabel('Batch file').setInputFiles(file);
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start upload' }).click();
  }

  count(status: string): Locator {
    return this.summary.locator(`[data-status="${status}"] dd`);
  }

  async waitForSummary(): Promise<void> {
    await expect(this.summary).toBeVisible({ timeout: 60_000 });
    await expect(this.progress.first()).toHaveAttribute('aria-valuenow', '100');
  }

  downloadRejectsLink(): Locator {
    return this.summary.getByRole('link', { name: 'Download rejects (CSV)' });
  }
}
