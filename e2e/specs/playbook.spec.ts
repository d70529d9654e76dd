import { expect, test } from '@playwright/test';
import { apiAs, approveAndPublish } from '../pages/api-as';
import { FlowPlaybookPage, ScopingPage } from '../pages/playbook-pages';
import { screenshot } from '../pages/screenshots';
import { signIn } from '../pages/session';

const EXAMPLE = 'order-to-fulfillment';

/** Words as Baton's status generator counts them: tokens with a letter or digit. */
const countWords = (text: string) => text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;

// Issue 6, the pilot playbook beside the flow: scope candidates on the 2×2 grid and make the best
// one a flow; keep a risk register and a runbook; generate the weekly status from the data.
test('scoping grid: candidates, the pilot quadrant, a flow from a candidate', async ({ page, baseURL }) => {
  await signIn(page, 'analyst');
  const scoping = new ScopingPage(page);
  await scoping.goto();
  await expect(page.getByText('No candidates yet')).toBeVisible();
  await screenshot(page, '70-playbook-scoping-empty');

  const suffix = Date.now().toString(36);
  const pilot = `Invoice approval ${suffix}`;
  await scoping.add({
    name: pilot,
    from: 'CRM',
    to: 'ERP',
    perWeek: 40,
    impact: 5,
    rationale: 'Most rework today',
  });
  await scoping.add({ name: 'Quarterly close', from: 'ERP', to: 'Ledger', perWeek: 1, impact: 4 });
  await scoping.add({ name: 'Address updates', from: 'Portal', to: 'CRM', perWeek: 20, impact: 2 });
  await scoping.add({ name: 'Supplier onboarding', from: 'Email', to: 'ERP', perWeek: 12, impact: 4 });

  await expect(scoping.row(pilot).getByText('Pilot candidate')).toBeVisible();
  await expect(scoping.row('Supplier onboarding').getByText('Pilot candidate')).toBeVisible();
  await expect(scoping.row('Quarterly close').getByText('High impact, rare')).toBeVisible();
  await expect(scoping.row('Address updates').getByText('Frequent, low impact')).toBeVisible();
  await expect(scoping.chart.getByText('Pilot here: frequent, high impact')).toBeVisible();
  await expect(scoping.chart.locator('.recharts-scatter-symbol')).toHaveCount(4);
  await screenshot(page, '70-playbook-scoping-grid');

  await scoping.row(pilot).getByRole('button', { name: 'Create flow' }).click();
  await expect(page).toHaveURL(/\/flows\/invoice-approval-/);
  const flowId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const api = await apiAs(baseURL!, 'analyst');
  const candidates = (await (await api.get('/api/playbook/candidates')).json()) as {
    items: Array<{ name: string; flowId: string | null }>;
  };
  expect(candidates.items.find((c) => c.name === pilot)?.flowId).toBe(flowId);
  const flow = (await (await api.get(`/api/flows/${flowId}`)).json()) as { name: string };
  expect(flow.name).toBe(pilot);
  await api.dispose();

  await scoping.goto();
  await expect(scoping.row(pilot).getByRole('link', { name: flowId })).toBeVisible();
});

test('risk register and runbook beside the flow', async ({ page, baseURL }) => {
  await signIn(page, 'analyst');
  const playbook = new FlowPlaybookPage(page);
  await playbook.goto(EXAMPLE, 'risks');
  await expect(page.getByText('No risks recorded')).toBeVisible();

  await playbook.addRisk('Schema drift in the CRM export', 2, 3);
  await playbook.addRisk('ERP downtime at month end', 4, 5);
  expect(await playbook.riskOrder()).toEqual(['ERP downtime at month end', 'Schema drift in the CRM export']);

  // Inline edits: raise the drift risk above the downtime one, give it an owner and a mitigation.
  const drift = playbook.riskRow('Schema drift in the CRM export');
  await drift.getByLabel('Likelihood').selectOption('5');
  await expect(page.getByLabel('Score 15')).toBeVisible();
  await playbook.riskRow('Schema drift in the CRM export').getByLabel('Impact').selectOption('5');
  await expect(page.getByLabel('Score 25')).toBeVisible();
  expect(await playbook.riskOrder()).toEqual(['Schema drift in the CRM export', 'ERP downtime at month end']);
  await playbook.riskRow('Schema drift in the CRM export').getByLabel('Owner').selectOption('crm-admin');
  const mitigation = playbook.riskRow('Schema drift in the CRM export').getByLabel('Mitigation');
  await mitigation.fill('Contract check on every export; the CRM admin signs off changes');
  await mitigation.blur();
  await playbook.riskRow('ERP downtime at month end').getByLabel('Status').selectOption('mitigated');

  const api = await apiAs(baseURL!, 'analyst');
  await expect
    .poll(async () => {
      const risks = (await (await api.get(`/api/flows/${EXAMPLE}/risks`)).json()) as {
        items: Array<{
          risk: string;
          score: number;
          ownerId: string | null;
          status: string;
          mitigation: string;
        }>;
      };
      return risks.items.map((r) => [r.risk, r.score, r.ownerId, r.status, r.mitigation.length > 0]);
    })
    .toEqual([
      ['Schema drift in the CRM export', 25, 'crm-admin', 'open', true],
      ['ERP downtime at month end', 20, null, 'mitigated', false],
    ]);
  await screenshot(page, '70-playbook-risks');

  await playbook.tab('Runbook').click();
  await expect(page.getByText('No runbook yet')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Owner lookup' }).getByText('Data quality')).toBeVisible();
  await playbook.writeRunbook(
    [
      '# Order hand-off runbook',
      '',
      '## When a record is rejected',
      '1. Open the **inbox** item and read the failing field.',
      '2. Fix the order in the CRM and re-send it.',
      '',
      '<script>window.pwned = true</script>',
      '',
    ].join('\n'),
  );
  await expect(playbook.runbook.getByRole('heading', { name: 'Order hand-off runbook' })).toBeVisible();
  await expect(playbook.runbook.locator('strong', { hasText: 'inbox' })).toBeVisible();
  // The rendered markdown is sanitised: the script tag is gone.
  await expect(playbook.runbook.locator('script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
  await expect(page.getByLabel('Runbook revision', { exact: true })).toContainText('Revision 1');
  const saved = (await (await api.get(`/api/flows/${EXAMPLE}/runbook`)).json()) as {
    revision: number;
    body: string;
  };
  expect(saved.revision).toBe(1);
  expect(saved.body).toContain('## When a record is rejected');
  await screenshot(page, '70-playbook-runbook');

  // Version 1 was published before the runbook existed: as of v1 there is none.
  await page.getByLabel('Runbook as of').selectOption('1');
  await expect(page.getByText('No runbook with version 1')).toBeVisible();

  // Publishing v2 pins revision 1; a later edit (revision 2) leaves v2's runbook as it shipped.
  const draft = (await (await api.get(`/api/flows/${EXAMPLE}/draft`)).json()) as {
    meta: Record<string, unknown>;
  };
  draft.meta = { ...draft.meta, description: 'Runbook ships with v2' };
  expect((await api.put(`/api/flows/${EXAMPLE}/draft`, { data: draft })).status()).toBe(200);
  const submitted = await api.post(`/api/flows/${EXAMPLE}/versions`, {
    data: { changeNote: { reason: 'Ship the runbook', acceptanceCheck: 'runbook pinned', risk: 'none' } },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const { version } = (await submitted.json()) as { version: number };
  await approveAndPublish(baseURL!, EXAMPLE, version);
  await playbook.goto(EXAMPLE, 'runbook');
  await playbook.writeRunbook('# Order hand-off runbook\n\nRevision two, after the release.\n');
  await expect(playbook.runbook).toContainText('Revision two');
  await expect(page.getByRole('list', { name: 'Runbook revisions' })).toContainText(
    `published with v${version}`,
  );
  await page.getByLabel('Runbook as of').selectOption(String(version));
  await expect(playbook.runbook.getByText('Open the inbox item')).toBeVisible();
  await expect(playbook.runbook).not.toContainText('Revision two');
  await expect(page.getByLabel('Runbook revision', { exact: true })).toContainText('Revision 1');
  await screenshot(page, '70-playbook-runbook-as-shipped');
  await api.dispose();
});

test('weekly status: generated from the data, under 300 words, figures as the API says', async ({
  page,
  baseURL,
}) => {
  // Records of this week, sent here so the figures are not zeros whatever other specs did to the
  // shared server (the metrics spec clears the seeded demo history).
  const sender = await apiAs(baseURL!, 'analyst');
  const stamp = 10_000 + (Date.now() % 80_000);
  for (let i = 0; i < 3; i++) {
    const sent = await sender.post(`/hooks/${EXAMPLE}`, {
      data: {
        order_id: `SO-${String(stamp + i)}`,
        account_number: 'AC-123456',
        customer_tier: 'Gold',
        order_date: '03/18/2026',
        total: '149.00',
        email: 'ada@example.com',
        entered_at: new Date().toISOString(),
      },
    });
    expect(sent.status(), await sent.text()).toBe(200);
  }
  await sender.dispose();

  await signIn(page, 'analyst');
  const playbook = new FlowPlaybookPage(page);
  await playbook.goto(EXAMPLE, 'status');
  await expect(page.getByText('No status generated yet')).toBeVisible();
  await playbook.generateStatus();
  await expect(playbook.statusText).toHaveValue(/Week of /);
  await expect(playbook.statusText).not.toHaveValue(/Records: 0\n/);

  const text = await playbook.statusText.inputValue();
  const words = countWords(text);
  expect(words).toBeLessThan(300);
  await expect(page.getByLabel('Word count')).toHaveText(`${words} / 300 words`);

  const api = await apiAs(baseURL!, 'analyst');
  const week = await page.getByLabel('Week', { exact: true }).inputValue();
  const report = (await (
    await api.post(`/api/flows/${EXAMPLE}/status-report`, { data: { week } })
  ).json()) as {
    week: { from: string; to: string };
    markdown: string;
    wordCount: number;
    figures: {
      shipped: unknown[];
      openFollowUps: number;
      deadLetters: number;
      pendingApprovals: number;
      metrics: { count: number; reworkRate: number | null; slaAdherence: number | null } | null;
    };
  };
  expect(report.markdown).toBe(text);
  expect(report.wordCount).toBe(words);
  await expect(playbook.figure('shipped')).toHaveText(String(report.figures.shipped.length));
  await expect(playbook.figure('followUps')).toHaveText(String(report.figures.openFollowUps));
  await expect(playbook.figure('deadLetters')).toHaveText(String(report.figures.deadLetters));
  await expect(playbook.figure('pendingApprovals')).toHaveText(String(report.figures.pendingApprovals));

  // The metrics match the metrics API for the same week (Monday to Sunday, whole days).
  const monday = report.week.from.slice(0, 10);
  const sunday = new Date(Date.parse(report.week.to) - 1).toISOString().slice(0, 10);
  const metrics = (await (
    await api.get(`/api/flows/${EXAMPLE}/metrics?from=${monday}&to=${sunday}`)
  ).json()) as {
    summary: { count: number; reworkRate: number | null; slaAdherence: number | null };
  };
  expect(metrics.summary.count).toBeGreaterThan(0);
  expect(report.figures.metrics?.count).toBe(metrics.summary.count);
  expect(report.figures.metrics?.reworkRate).toBe(metrics.summary.reworkRate);
  expect(report.figures.metrics?.slaAdherence).toBe(metrics.summary.slaAdherence);
  await expect(playbook.figure('records')).toHaveText(String(metrics.summary.count));
  expect(text).toContain(`- Records: ${metrics.summary.count}`);
  if (metrics.summary.reworkRate !== null)
    expect(text).toContain(`Rework rate: ${(metrics.summary.reworkRate * 100).toFixed(1)}%`);
  await api.dispose();
  await screenshot(page, '70-playbook-status');

  // Edited before sending: the count follows the text, and the export downloads it as markdown.
  await playbook.statusText.fill(`${text}\nExtra note from the pilot lead.\n`);
  await expect(page.getByLabel('Word count')).toHaveText(`${words + 6} / 300 words`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as markdown' }).click();
  expect((await download).suggestedFilename()).toBe(`status-${EXAMPLE}-${monday}.md`);
});

test('retrospective items become a ranked backlog', async ({ page }) => {
  await signIn(page, 'analyst');
  const playbook = new FlowPlaybookPage(page);
  await playbook.goto(EXAMPLE, 'retro');
  await expect(page.getByText('The backlog is empty')).toBeVisible();
  const form = page.getByRole('form', { name: 'Retrospective' });
  await form.getByLabel('What went well').fill('Owners answered rejects within a day.');
  await form.getByLabel('What did not go well').fill('The baseline arrived in week three.');
  await form.getByLabel('Item 1', { exact: true }).fill('Import the baseline in week one');
  await form.getByLabel('Item 1 frequency').selectOption('2');
  await form.getByLabel('Item 1 impact').selectOption('4');
  await form.getByRole('button', { name: 'Add item' }).click();
  await form.getByLabel('Item 2', { exact: true }).fill('Alert on dead letters');
  await form.getByLabel('Item 2 frequency').selectOption('5');
  await form.getByLabel('Item 2 impact').selectOption('4');
  await form.getByRole('button', { name: 'Save retrospective' }).click();
  const backlog = page.getByRole('table', { name: 'Backlog' });
  await expect(backlog.getByRole('row')).toHaveCount(3);
  await expect(backlog.getByRole('row').nth(1)).toContainText('Alert on dead letters');
  await expect(backlog.getByRole('row').nth(2)).toContainText('Import the baseline in week one');
  await backlog.getByLabel('Status of Alert on dead letters').selectOption('planned');
  await screenshot(page, '70-playbook-retro');
  await page.goto('/playbook/backlog');
  await expect(
    page.getByRole('table', { name: 'Backlog' }).getByLabel('Status of Alert on dead letters'),
  ).toHaveValue('planned');
});
