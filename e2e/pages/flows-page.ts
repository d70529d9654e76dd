import { expect, type Locator, type Page } from '@playwright/test';

export class FlowsPage {
  readonly heading: Locator;
  readonly newFlowButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Flows', level: 1 });
    this.newFlowButton = page.getByRole('button', { name: '+ New flow' }).first();
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  flowCard(name: string): Locator {
    return this.page.getByRole('link', { name: `Open flow ${name}` });
  }

  async openFlow(name: string): Promise<void> {
    await this.flowCard(name).click();
    await expect(this.page).toHaveURL(/\/flows\//);
  }

  /** Creates a flow through the dialog and returns its id (from the editor's URL). */
  async createFlow(name: string): Promise<string> {
    await this.newFlowButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'New flow' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Create flow' }).click();
    await expect(this.page).toHaveURL(/\/flows\/[^/]+$/);
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').pop() ?? '');
  }
}
