import { expect, type Page } from '@playwright/test';
import { SEED_PASSWORD } from '../playwright.config';

export interface Session {
  /** For state-changing requests made with the session cookie. */
  csrfToken: string;
  /** `Authorization` + CSRF headers: API calls and webhooks as the signed-in user. */
  headers: Record<string, string>;
}

/**
 * Signs `page`'s browser context in as a seeded user (the cookie is shared by `page.request`
 * and the pages), and makes an API token for webhooks, which take a bearer token or a signature.
 */
export async function signIn(
  page: Page,
  username: 'admin' | 'analyst' | 'owner' = 'analyst',
): Promise<Session> {
  const login = await page.request.post('/api/auth/login', { data: { username, password: SEED_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await page.request.post('/api/tokens', {
    data: { name: `e2e ${Date.now()}` },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(created.status(), await created.text()).toBeLessThan(300);
  const { token } = (await created.json()) as { token: string };
  return { csrfToken, headers: { authorization: `Bearer ${token}` } };
}
