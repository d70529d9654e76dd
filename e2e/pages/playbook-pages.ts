import { expect, type Locator, type Page } from '@playwright/test';

export interface CandidateInput {
  name: string;
  from: string;
  to: string;
  perWeek: number;
  impact: number;
  rationale?: string;
}

/** `/playbook`: the scoping grid (chart, form, candidates table). */
export class ScopingPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly table: Locator;
  readonly chart: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Pilot scoping', level: 1 });
    this.form = page.getByRole('form', { name: 'New candidate' });
    this.table = page.getByRole('table', { name: 'Candidates' });
    this.chart = page.getByRole('figure', { name: 'Scoping grid: frequency by impact' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/playbook');
    await expect(this.heading).toBeVisible();
  }

  async add(c: CandidateInput): Promise<void> {
    await this.form.getByLabel('Candidate name').fill(c.name);
    await this.form.getByLabel('From system').fill(c.from);
    await this.form.getByLabel('To system').fill(c.to);
    await this.form.getByLabel('Frequency per week').fill(String(c.perWeek));
    await this.form.getByLabel('Business impact').selectOption(String(c.impact));
    if (c.rationale) await this.form.getByLabel('Selection rationale').fill(c.rationale);
    await this.form.getByRole('button', { name: 'Add candidate' }).click();
    await expect(this.row(c.name)).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row', { name: `Candidate ${name}` });
  }
}

/** `/flows/:id/playbook`: risks, runbook, weekly status and retrospective tabs. */
export class FlowPlaybookPage {
  constructor(readonly page: Page) {}

  async goto(flowId: string, tab: 'risks' | 'runbook' | 'status' | 'retro' = 'risks'): Promise<void> {
    await this.page.goto(`/flows/${encodeURIComponent(flowId)}/playbook?tab=${tab}`);
    await expect(this.page.getByRole('heading', { name: 'Pilot playbook', level: 1 })).toBeVisible();
  }

  tab(name: 'Risks' | 'Runbook' | 'Weekly status' | 'Retrospective'): Locator {
    return this.page.getByRole('tab', { name });
  }

  // Risks
  get riskTable(): Locator {
    return this.page.getByRole('table', { name: 'Risk register' });
  }

  async addRisk(risk: string, likelihood: number, impact: number): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New risk' });
    await form.getByLabel('Risk', { exact: true }).fill(risk);
    await form.getByLabel('New risk likelihood').selectOption(String(likelihood));
    await form.getByLabel('New risk impact').selectOption(String(impact));
    await form.getByRole('button', { name: 'Add risk' }).click();
    await expect(this.riskRow(risk)).toBeVisible();
  }

  riskRow(risk: string): Locator {
    return this.riskTable.getByRole('row', { name: `Risk ${risk}` });
  }

  /** The risk texts in the order the register shows them. */
  async riskOrder(): Promise<string[]> {
    return this.riskTable
      .getByLabel('Risk text')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  }

  // Runbook
  async writeRunbook(markdown: string): Promise<void> {
    await this.page.getByRole('button', { name: /Write the runbook|Edit/ }).click();
    const editor = this.page.locator('.runbook-editor .monaco-editor');
    await expect(editor).toBeVisible();
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    // insertText: no auto-closing or auto-indent, the text lands as written.
    await this.page.keyboard.insertText(markdown);
    await this.page.getByRole('button', { name: 'Save revision' }).click();
    await expect(this.page.getByRole('button', { name: 'Edit' })).toBeVisible();
  }

  get runbook(): Locator {
    return this.page.getByRole('article', { name: 'Runbook' });
  }

  // Weekly status
  async generateStatus(): Promise<void> {
    await this.page.getByRole('button', { name: /Generate weekly status|Regenerate/ }).click();
    await expect(this.statusText).not.toHaveValue('');
  }

  get statusText(): Locator {
    return this.page.getByLabel('Weekly status markdown');
  }

  figure(name: 'shipped' | 'followUps' | 'deadLetters' | 'pendingApprovals' | 'records'): Locator {
    return this.page.locator(`[data-figure="${name}"]`);
  }
}
