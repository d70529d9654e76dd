import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { SEED_PASSWORD } from '../playwright.config';

export type SeededUser = 'admin' | 'analyst' | 'owner';

/**
 * An API client acting as a seeded user with their own bearer token, apart from any browser
 * context (signing in inside a page's context would replace that page's session cookie).
 */
export async function apiAs(baseURL: string, username: SeededUser): Promise<APIRequestContext> {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const login = await anonymous.post('/api/auth/login', { data: { username, password: SEED_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await anonymous.post('/api/tokens', {
    data: { name: `e2e ${username}` },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  await anonymous.dispose();
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

/** A user speaking for `ownerId` (created by the admin if missing), signed in with a token. */
async function ownerUser(
  baseURL: string,
  admin: APIRequestContext,
  ownerId: string,
): Promise<APIRequestContext> {
  const username = `owner-${ownerId}`.slice(0, 64);
  const password = `${SEED_PASSWORD}-${ownerId}`;
  const created = await admin.post('/api/users', { data: { username, role: 'owner', ownerId, password } });
  expect([201, 409], await created.text()).toContain(created.status());
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const login = await anonymous.post('/api/auth/login', { data: { username, password } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const token = await anonymous.post('/api/tokens', {
    data: { name: 'e2e' },
    headers: { 'x-csrf-token': csrfToken },
  });
  const { token: value } = (await token.json()) as { token: string };
  await anonymous.dispose();
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${value}` } });
}

/** Takes a version through the gate from the API: pending owners sign off, the admin approves and publishes. */
export async function approveAndPublish(baseURL: string, flowId: string, version: number): Promise<void> {
  const admin = await apiAs(baseURL, 'admin');
  const detail = (await (await admin.get(`/api/flows/${flowId}/versions/${version}`)).json()) as {
    requiredSignOffs: Array<{ ownerId: string }>;
    contentHash: string;
  };
  for (const { ownerId } of detail.requiredSignOffs) {
    // The seeded `owner` speaks for crm-admin; other owners get a user of their own, made by the admin.
    const owner =
      ownerId === 'crm-admin' ? await apiAs(baseURL, 'owner') : await ownerUser(baseURL, admin, ownerId);
    const signed = await owner.post(`/api/flows/${flowId}/versions/${version}/sign-off`);
    expect(signed.status(), await signed.text()).toBe(200);
    await owner.dispose();
  }
  const approved = await admin.post(`/api/flows/${flowId}/versions/${version}/approve`, {
    data: { contentHash: detail.contentHash },
  });
  expect(approved.status(), await approved.text()).toBe(200);
  const published = await admin.post(`/api/flows/${flowId}/versions/${version}/publish`);
  expect(published.status(), await published.text()).toBe(200);
  await admin.dispose();
}
