import { expect, test } from '@playwright/test';
import { apiAs, approveAndPublish } from '../pages/api-as';
import { EditorPage } from '../pages/editor-page';
import { ApprovalsPage, personAt } from '../pages/governance-pages';
import { screenshot } from '../pages/screenshots';

interface ContractField {
  name: string;
  owner?: string;
  pattern?: string;
}

// Issue 4, three people in three browsers: the analyst changes a flow and submits it, the CRM
// field owner signs off the change to their field, an admin reviews the diff, approves and
// publishes it, then rolls back to the version before.
test('analyst submits, owner signs off, admin reviews the diff, publishes and rolls back', async ({
  browser,
  baseURL,
}) => {
  const flowId = `gov-e2e-${Date.now().toString(36)}`;
  const flowName = `Governed orders ${flowId.slice(8)}`;

  await test.step('setup: a copy of the example, published as v1 through the gate', async () => {
    const analyst = await apiAs(baseURL!, 'analyst');
    const source = (await (await analyst.get('/api/flows/order-to-fulfillment/draft')).json()) as {
      nodes: Array<{ kind: string; config: Record<string, unknown> }>;
    };
    const write = source.nodes.find((n) => n.kind === 'write')!;
    write.config = { ...write.config, table: 'gov_e2e_orders' };
    expect((await analyst.post('/api/flows', { data: { id: flowId, name: flowName } })).status()).toBe(201);
    expect((await analyst.put(`/api/flows/${flowId}/draft`, { data: source })).status()).toBe(200);
    const submitted = await analyst.post(`/api/flows/${flowId}/versions`, {
      data: { changeNote: { reason: 'Copy of the example', acceptanceCheck: 'orders land', risk: 'none' } },
    });
    expect(submitted.status()).toBe(201);
    await approveAndPublish(baseURL!, flowId, 1);
    // The analyst's change for v2: the CRM's order ids get a stricter pattern (a breaking change to a field crm-admin owns).
    const draft = (await (await analyst.get(`/api/flows/${flowId}/draft`)).json()) as {
      edges: Array<{ contract: { fields: ContractField[] } | null }>;
    };
    const orderId = draft.edges.flatMap((e) => e.contract?.fields ?? []).find((f) => f.name === 'order_id')!;
    expect(orderId.owner).toBe('crm-admin');
    orderId.pattern = '^\\s*SO-\\d{5}\\s*$|^\\s*SO-\\d{6}\\s*$';
    expect((await analyst.put(`/api/flows/${flowId}/draft`, { data: draft })).status()).toBe(200);
    await analyst.dispose();
  });

  const analyst = await personAt(browser, 'analyst');
  const owner = await personAt(browser, 'owner');
  const admin = await personAt(browser, 'admin');
  const editor = new EditorPage(analyst);

  await test.step('the analyst renames a step on the canvas and submits v2 for approval', async () => {
    await editor.goto(flowId);
    await editor.node('mapping').click();
    await editor.inspector().getByLabel('Label', { exact: true }).fill('Normalise CRM order');
    await editor.expectSaved();
    const version = await editor.submitForApproval({
      reason: 'The CRM will send six-digit order numbers from July',
      acceptanceCheck: 'SO-123456 is accepted, SO-12 still rejected',
      risk: 'Medium: fulfilment must accept longer ids; roll back to v1 if it does not',
    });
    expect(version).toBe(2);
    await screenshot(analyst, '40-analyst-submitted');
    await analyst.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    const approvals = new ApprovalsPage(analyst);
    await approvals.goto();
    const card = approvals.card(flowName, 2);
    await expect(card.getByRole('button', { name: 'Approve' })).toBeDisabled();
    await expect(card).toContainText('Only an admin approves versions.');
    await expect(card).toContainText('crm-admin: pending');
    await screenshot(analyst, '41-analyst-cannot-approve');
  });

  await test.step('the admin cannot approve before the owner signs off', async () => {
    const approvals = new ApprovalsPage(admin);
    await approvals.goto();
    const card = approvals.card(flowName, 2);
    await expect(card.getByRole('button', { name: 'Approve' })).toBeDisabled();
    await expect(card).toContainText('Waiting for sign-off from crm-admin.');
  });

  await test.step('the owner signs off the change to their field', async () => {
    const approvals = new ApprovalsPage(owner);
    await approvals.goto();
    const mine = owner.getByRole('region', { name: 'Waiting for your sign-off' });
    await expect(mine.getByRole('article', { name: `${flowName} version 2` })).toBeVisible();
    await screenshot(owner, '42-owner-sign-off-queue');
    await mine.getByRole('button', { name: /^Sign off/ }).click();
    await expect(owner.getByRole('article', { name: `${flowName} version 2` })).toContainText(
      'crm-admin: signed off',
    );
    await screenshot(owner, '43-owner-signed-off');
  });

  await test.step('the admin reviews the diff, approves and publishes', async () => {
    const approvals = new ApprovalsPage(admin);
    await approvals.goto();
    await approvals.card(flowName, 2).getByRole('link', { name: 'Diff v1 → v2' }).click();
    await expect(admin.getByRole('heading', { name: /v1 → v2/ })).toBeVisible();
    await expect(admin.getByRole('heading', { name: /v1 → v2/ })).toContainText('1 breaking');
    const changes = admin.getByRole('region', { name: 'Contract and RACI changes' });
    await expect(changes).toContainText('order_id');
    await expect(changes).toContainText('pattern changed');
    await expect(admin.getByRole('region', { name: 'Node changes' })).toContainText('Normalise CRM order');
    await expect(admin.locator('.diff-node.is-changed').first()).toBeVisible();
    await screenshot(admin, '44-admin-diff');
    await admin.getByRole('tab', { name: 'Overlay' }).click();
    await screenshot(admin, '45-admin-diff-overlay');
    const actions = admin.getByLabel('Actions for version 2');
    await actions.getByRole('button', { name: 'Approve' }).click();
    await actions.getByRole('button', { name: 'Publish v2' }).click();
    await expect(admin.getByRole('heading', { name: /v1 → v2/ })).toBeVisible();
    await expect(admin.getByRole('figure', { name: 'Version 2' }).locator('..')).toContainText('live');
    await screenshot(admin, '46-admin-published');
  });

  await test.step('the admin rolls back to v1 from the version history, with a reason', async () => {
    const adminEditor = new EditorPage(admin);
    await adminEditor.goto(flowId);
    await expect(admin.getByLabel('Published version 2', { exact: true })).toBeVisible();
    await admin.getByRole('tab', { name: 'Versions' }).click();
    const history = admin.getByRole('list', { name: 'Version history' });
    const v1 = history.getByRole('listitem', { name: 'Version 1' });
    await expect(v1).toContainText('superseded');
    await screenshot(admin, '47-version-history');
    await v1.getByRole('button', { name: 'Roll back to v1…' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Roll back to version 1' });
    await dialog.getByLabel('Reason').fill('Fulfilment rejects six-digit ids');
    await dialog.getByRole('button', { name: 'Roll back to v1' }).click();
    await expect(admin.getByLabel('Published version 1', { exact: true })).toBeVisible();
    await expect(history.getByRole('listitem', { name: 'Version 2' })).toContainText('superseded');
    await screenshot(admin, '48-rolled-back');
  });

  await test.step('the audit log shows who did what, with the chain verified, and exports CSV', async () => {
    await admin.goto(`/audit?targetId=${flowId}@2`);
    const table = admin.getByRole('table', { name: 'Audit entries' });
    for (const action of ['version.submit', 'version.sign_off', 'version.approve', 'version.publish']) {
      await expect(table).toContainText(action);
    }
    await expect(admin.getByRole('status', { name: 'Audit chain verified' })).toBeVisible();
    await screenshot(admin, '49-audit-log');
    const download = admin.waitForEvent('download');
    await admin.getByRole('link', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toBe('baton-audit.csv');
  });

  await test.step('the viewer-less roles: the owner cannot submit, and sees why', async () => {
    const ownerEditor = new EditorPage(owner);
    await ownerEditor.goto(flowId);
    await expect(owner.getByRole('button', { name: 'Submit for approval…' })).toBeDisabled();
    await expect(owner.locator('#publish-blocked')).toHaveText('Only analysts and admins submit versions.');
  });
});

// A field owner's user is linked to an owner picked from the directory, never a typed id.
test('the Users page picks the linked owner from the owners directory', async ({ browser }) => {
  const admin = await personAt(browser, 'admin');
  await admin.goto('/users');
  const form = admin.getByRole('form', { name: 'New user' });
  const username = `fo-${Date.now().toString(36)}`;
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Role').selectOption('owner');
  const picker = form.getByLabel('Owner id');
  await expect(picker.locator('option', { hasText: 'CRM admin (crm-admin)' })).toHaveCount(1);
  await picker.selectOption('crm-admin');
  await form.getByLabel('Initial password').fill('a-long-password-1');
  await form.getByLabel('Initial password').press('Enter');
  await expect(admin.getByRole('row', { name: new RegExp(username) })).toContainText('crm-admin');
});
