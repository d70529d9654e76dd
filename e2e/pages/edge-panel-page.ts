import { expect, type Locator, type Page } from '@playwright/test';

/** The edge side panel's Contract and RACI tabs, driven like a person would. */
export class EdgePanelPage {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByLabel('Edge inspector');
  }

  async openTab(name: 'Contract' | 'RACI'): Promise<void> {
    await this.panel.getByRole('tab', { name }).click();
    await expect(this.panel.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }

  /** The contract's field cards (the panel has other lists: its diagnostics). */
  fields(): Locator {
    return this.panel.getByRole('list', { name: 'Contract fields' }).getByRole('listitem');
  }

  field(name: string): Locator {
    return this.panel.getByRole('listitem', { name: `Contract field ${name}` });
  }

  /** Adds a field with the mouse, then types its name with the keyboard (the new card has focus order name → type). */
  async addField(name: string, type: string): Promise<Locator> {
    await this.panel.getByRole('button', { name: '+ Add field' }).click();
    const card = this.fields().last();
    await card.getByLabel('Name').click();
    await this.page.keyboard.type(name);
    await this.page.keyboard.press('Tab');
    await card.getByLabel('Type').selectOption(type);
    return this.field(name);
  }

  /** Adds an owner to a RACI cell with the keyboard: focus the cell's select, pick, confirm. */
  async addRaciOwner(row: string, letter: 'R' | 'A' | 'C' | 'I', ownerId: string): Promise<void> {
    const select = this.panel.getByRole('combobox', { name: `Add owner to ${row} ${letter}` });
    await select.focus();
    await select.selectOption(ownerId);
    await expect(
      this.panel.getByRole('group', { name: `${row} ${letter}` }).getByTitle(ownerId),
    ).toBeVisible();
  }
}
