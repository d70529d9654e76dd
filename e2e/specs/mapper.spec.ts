import { expect, test } from '@playwright/test';
import { EditorPage } from '../pages/editor-page';
import { MapperPage } from '../pages/mapper-page';
import { screenshot } from '../pages/screenshots';
import { signIn } from '../pages/session';

const field = (name: string, type: string, required = false) => ({ name, type, required });

/** Trigger → mapping → write, with the two hand-offs' contracts agreed and nothing mapped yet. */
function draft(table: string) {
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: 'n_trigger',
        kind: 'trigger',
        kindVersion: 1,
        label: 'CRM order webhook',
        config: { mode: 'webhook' },
      },
      {
        id: 'n_map',
        kind: 'mapping',
        kindVersion: 1,
        label: 'Map CRM order',
        config: { fields: [], computed: [], keepUnmapped: false },
      },
      {
        id: 'n_write',
        kind: 'write',
        kindVersion: 1,
        label: 'Queue for fulfilment',
        config: { connection: 'downstream', table, keyFields: ['order_id'], onConflict: 'update' },
      },
    ],
    edges: [
      {
        id: 'e_in',
        source: { node: 'n_trigger', port: 'out' },
        target: { node: 'n_map', port: 'in' },
        contract: {
          fields: [
            field('OrderNumber', 'string', true),
            field('customer_tier', 'string'),
            field('order_date', 'string'),
            field('total', 'string'),
            field('email', 'string'),
            field('channel', 'string'),
          ],
          extraFields: 'drop',
        },
        raci: null,
      },
      {
        id: 'e_out',
        source: { node: 'n_map', port: 'out' },
        target: { node: 'n_write', port: 'in' },
        contract: {
          fields: [
            field('order_id', 'string', true),
            field('tier', 'string', true),
            field('ordered_at', 'date', true),
            field('total_cents', 'integer', true),
            field('contact_email', 'string'),
          ],
          extraFields: 'drop',
        },
        raci: null,
      },
    ],
    layout: {
      nodes: { n_trigger: { x: 80, y: 160 }, n_map: { x: 380, y: 160 }, n_write: { x: 680, y: 160 } },
    },
    meta: {},
  };
}

const SAMPLE = {
  OrderNumber: ' SO-7001 ',
  customer_tier: 'GOLD ',
  order_date: '03/15/2026',
  total: '1,249.50',
  email: ' Ada@Example.COM',
  channel: 'web',
};

test('map five fields with the mouse, with an enum table and a date format, preview, undo, save and test-run', async ({
  page,
}) => {
  // One long story (about 40 interactions and a test run): more than the default budget on a
  // busy two-core machine.
  test.setTimeout(300_000);
  const session = await signIn(page, 'analyst');
  const suffix = Date.now().toString(36);
  const created = await page.request.post('/api/flows', {
    data: { name: `Mapper e2e ${suffix}` },
    headers: session.headers,
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: flowId } = (await created.json()) as { id: string };
  const saved = await page.request.put(`/api/flows/${flowId}/draft`, {
    data: draft(`e2e_mapper_${suffix}`),
    headers: session.headers,
  });
  expect(saved.status(), await saved.text()).toBe(200);

  const editor = new EditorPage(page);
  const mapper = new MapperPage(page, 'Map CRM order');
  await editor.goto(flowId);
  await editor.selectNode('mapping');

  await test.step('the side panel shows the compact mapper with required targets highlighted', async () => {
    const compact = editor.inspector().getByRole('region', { name: 'Visual field mapper' });
    await expect(compact.locator('[data-mapper-source]')).toHaveCount(6);
    await expect(compact.locator('.mapper-field.is-missing')).toHaveCount(4);
    await expect(compact.getByRole('status').first()).toContainText('4 required unmapped');
    await screenshot(page, '80-mapper-side-panel');
  });

  await test.step('open it full screen and paste a sample record', async () => {
    await mapper.open(editor.inspector());
    await mapper.pasteSample(SAMPLE);
    await expect(mapper.preview).toContainText('Draw a line');
  });

  await test.step('draw five lines with the mouse', async () => {
    await mapper.drawLine('OrderNumber', 'order_id');
    await mapper.drawLine('customer_tier', 'tier');
    await mapper.drawLine('order_date', 'ordered_at');
    await mapper.drawLine('total', 'total_cents');
    await mapper.drawLine('email', 'contact_email');
    await expect(mapper.lines()).toHaveCount(5);
    await expect(mapper.mapper.locator('.mapper-field.is-missing')).toHaveCount(0);
    await expect(mapper.previewRow('tier')).toContainText('"GOLD "');
  });

  await test.step('trim the order id and translate the tier with an enum table', async () => {
    let popover = await mapper.openLine('OrderNumber', 'order_id');
    await popover.getByRole('button', { name: '+ Trim spaces' }).click();
    await popover.getByRole('button', { name: 'Done' }).click();

    popover = await mapper.openLine('customer_tier', 'tier');
    await popover.getByRole('button', { name: '+ Trim spaces' }).click();
    await popover.getByRole('button', { name: '+ Map values' }).click();
    const table = popover.getByRole('group', { name: 'Value table' });
    await table.getByRole('button', { name: '+ Add value' }).click();
    await table.getByLabel('Value 1 from').fill('gold');
    await table.getByLabel('Value 1 to').fill('premium');
    await table.getByRole('button', { name: '+ Add value' }).click();
    await table.getByLabel('Value 2 from').fill('silver');
    await table.getByLabel('Value 2 to').fill('standard');
    await popover.getByLabel('Otherwise', { exact: true }).fill('unknown');
    // "Ignore case" is on by default for a new table: GOLD matches gold.
    await expect(popover.getByLabel('Ignore case')).toBeChecked();
    await expect(popover.getByLabel('Line preview')).toContainText('"premium"');
    await screenshot(page, '80-mapper-enum-table');
    await popover.getByRole('button', { name: 'Done' }).click();
  });

  await test.step('parse the order date with a picked format and see it previewed', async () => {
    const popover = await mapper.openLine('order_date', 'ordered_at');
    await popover.getByRole('button', { name: '+ Parse date' }).click();
    // Not an ISO date: the default format does not recognise it.
    await expect(popover.getByLabel('Date preview')).toContainText('not recognised');
    await popover.getByRole('checkbox', { name: /M\/D\/YYYY/ }).check();
    await expect(popover.getByLabel('Date preview')).toContainText('2026-03-15');
    await screenshot(page, '80-mapper-date-format');
    await popover.getByRole('button', { name: 'Done' }).click();
  });

  await test.step('turn the total into cents and the e-mail into an expression', async () => {
    let popover = await mapper.openLine('total', 'total_cents');
    await popover.getByRole('button', { name: '+ Parse number' }).click();
    await popover.getByLabel('Multiply by', { exact: true }).fill('100');
    await popover.getByLabel('Round to', { exact: true }).fill('0');
    await popover.getByRole('button', { name: 'Done' }).click();

    popover = await mapper.openLine('email', 'contact_email');
    await popover.getByRole('button', { name: '+ Trim spaces' }).click();
    await popover.getByRole('button', { name: '+ Lower case' }).click();
    await popover.getByRole('button', { name: 'Done' }).click();
  });

  await test.step('the preview shows every field as the runtime maps it', async () => {
    await expect(mapper.previewRow('order_id')).toContainText('"SO-7001"');
    await expect(mapper.previewRow('tier')).toContainText('"premium"');
    await expect(mapper.previewRow('ordered_at')).toContainText('"2026-03-15"');
    await expect(mapper.previewRow('total_cents')).toContainText('124950');
    await expect(mapper.previewRow('contact_email')).toContainText('"ada@example.com"');
    await screenshot(page, '80-mapper-full-screen');
  });

  await test.step('delete a line, undo and redo it', async () => {
    const popover = await mapper.openLine('email', 'contact_email');
    await popover.getByRole('button', { name: 'Delete line' }).click();
    await expect(mapper.lines()).toHaveCount(4);
    await mapper.dialog.getByRole('heading', { name: 'Map CRM order' }).click();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(mapper.lines()).toHaveCount(5);
    await expect(mapper.previewRow('contact_email')).toContainText('"ada@example.com"');
    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await expect(mapper.lines()).toHaveCount(4);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(mapper.lines()).toHaveCount(5);
  });

  await test.step('map with the keyboard: select a source, then a target with Enter', async () => {
    await mapper.mapper.getByRole('textbox', { name: 'New target field' }).fill('channel');
    await page.keyboard.press('Enter');
    await mapper.source('channel').focus();
    await page.keyboard.press('Enter');
    await expect(mapper.source('channel')).toHaveAttribute('aria-pressed', 'true');
    await mapper.target('channel').focus();
    await page.keyboard.press('Enter');
    await expect(mapper.lines()).toHaveCount(6);
    await expect(mapper.previewRow('channel')).toContainText('"web"');
    // Delete on a focused line removes that line only (never the selected node behind the dialog).
    await mapper.mapper.getByRole('button', { name: 'Edit mapping channel → channel' }).focus();
    await page.keyboard.press('Delete');
    await expect(mapper.lines()).toHaveCount(5);
    await mapper.dialog.getByRole('heading', { name: 'Map CRM order' }).click();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(mapper.lines()).toHaveCount(6);
  });

  await test.step('switch a line to a JSONata expression with completion of field names', async () => {
    const popover = await mapper.openLine('channel', 'channel');
    await popover.getByRole('radio', { name: 'JSONata expression' }).click();
    const monaco = popover.locator('.monaco-editor');
    await expect(monaco).toBeVisible({ timeout: 20_000 });
    await expect(monaco).toContainText('channel');
    await monaco.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' & "/" & Order', { delay: 20 });
    const suggestions = page.locator('.suggest-widget');
    await expect(suggestions).toContainText('OrderNumber');
    await page.keyboard.press('Enter');
    await expect(mapper.previewRow('channel')).toContainText('"web/ SO-7001 "');
    await screenshot(page, '80-mapper-expression');
    await popover.getByRole('button', { name: 'Done' }).click();
    await expect(mapper.target('channel')).toContainText('ƒx');
    await expect(mapper.lines()).toHaveCount(5);
  });

  await test.step('close, save and test-run the flow', async () => {
    await mapper.dialog.getByRole('button', { name: 'Close mapper' }).click();
    await expect(mapper.dialog).toHaveCount(0);
    await expect(editor.node('mapping')).toContainText('6 fields');
    const compact = editor.inspector().getByRole('region', { name: 'Visual field mapper' });
    await expect(compact.locator('[data-line-to]')).toHaveCount(5);
    await screenshot(page, '80-mapper-side-panel-mapped');
    await compact.getByRole('button', { name: 'Edit mapping customer_tier → tier' }).click();
    const popover = compact.getByRole('dialog', { name: 'Mapping of tier' });
    await expect(popover.getByRole('group', { name: 'Value table' })).toBeVisible();
    await screenshot(page, '80-mapper-side-panel-popover');
    await popover.getByRole('button', { name: 'Done' }).click();
    await editor.expectSaved();
    await expect(editor.problems.getByText('0 errors')).toBeVisible();

    await editor.openTestRun();
    await editor.typeRecord(SAMPLE);
    await editor.runTest();
    const trace = editor.testRun.getByLabel('Trace', { exact: true });
    await expect(trace.locator('.trace-summary [data-status]')).toHaveText('succeeded');
    await trace.getByRole('button', { name: /Step 2 mapping/ }).click();
    const output = trace.getByLabel('Output', { exact: true }).first();
    await expect(output).toContainText('"tier": "premium"');
    await expect(output).toContainText('"ordered_at": "2026-03-15"');
    await expect(output).toContainText('"total_cents": 124950');
    await expect(output).toContainText('"channel": "web/ SO-7001 "');
    await screenshot(page, '80-mapper-test-run');
  });
});
