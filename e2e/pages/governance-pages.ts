import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { SEED_PASSWORD } from '../playwright.config';

/** Signs in through the login page, as a person would. */
export async function loginThroughUi(
  page: Page,
  username: string,
  password: string = SEED_PASSWORD,
): Promise<void> {
  await page.goto('/');
  const form = page.getByRole('form', { name: 'Sign in to Baton' });
  await expect(form).toBeVisible();
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: new RegExp(`^User menu: ${username} `) })).toBeVisible();
}

/** A browser context of its own (own cookies) signed in as `username`. */
export async function personAt(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginThroughUi(page, username);
  return page;
}

export class ApprovalsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Approvals', level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.goto('/approvals');
    await expect(this.heading).toBeVisible();
  }

  card(flowName: string, version: number): Locator {
    return this.page.getByRole('article', { name: `${flowName} version ${version}` });
  }
}
