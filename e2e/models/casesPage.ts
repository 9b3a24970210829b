import type { Page } from '@playwright/test';

/** The case list, by its accessible names (English UI). */
export class CasesPage {
  constructor(private readonly page: Page) {}
  get search() {
    return this.page.getByRole('searchbox', { name: 'Search cases' });
  }
  get table() {
    return this.page.getByRole('table', { name: 'Cases' });
  }
  /** The table's own scrolling pane. */
  get scroller() {
    return this.page.locator('.case-scroll');
  }
  get rows() {
    return this.table.getByRole('rowgroup').nth(1).getByRole('row');
  }
  row(alias: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('button', { name: alias, exact: true }) });
  }
  async open(alias: string) {
    await this.page.getByRole('button', { name: alias, exact: true }).click();
  }
  preset(name: string) {
    return this.page.getByRole('group', { name: 'Saved filters' }).getByRole('button', { name });
  }
  async filter(menu: string, option: string) {
    const filters = this.page.getByRole('group', { name: 'Filters' });
    await filters.locator('summary', { hasText: menu }).click();
    await filters.getByRole('group', { name: menu }).getByRole('checkbox', { name: option }).check();
    await this.page.keyboard.press('Escape');
  }
  count() {
    return this.page.locator('.screen-head .count');
  }
}
