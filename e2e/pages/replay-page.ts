import { expect, type Locator, type Page } from '@playwright/test';

/** The replay view of one run (`/runs/:id?step=n`) and its what-if panel. */
export class ReplayPage {
  readonly canvas: Locator;
  readonly timeline: Locator;
  readonly whatIf: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByRole('region', { name: 'Replay canvas' });
    this.timeline = page.getByRole('list', { name: 'Timeline' });
    this.whatIf = page.getByRole('region', { name: 'What-if' });
  }

  async goto(runId: string, step?: number): Promise<void> {
    await this.page.goto(`/runs/${encodeURIComponent(runId)}${step ? `?step=${step}` : ''}`);
    await expect(this.page.getByRole('heading', { name: 'Run', level: 1 })).toBeVisible();
    await expect(this.canvas.getByTestId('replay-node').first()).toBeVisible();
  }

  /** The step panel of the current step. */
  currentStep(): Locator {
    return this.page.locator('section.replay-step');
  }

  position(): Locator {
    return this.page.locator('.replay-position');
  }

  /** The input/output row of a field in the current step. */
  fieldRow(field: string): Locator {
    return this.currentStep()
      .getByRole('table', { name: 'Input and output' })
      .locator(`tr[data-field="${field}"]`);
  }
}
