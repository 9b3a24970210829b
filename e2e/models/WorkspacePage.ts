import type { Page } from '@playwright/test';
import { waitReady } from '../fixtures.js';
import { en } from './strings.js';

/** The unlocked app: the sidebar, the case list, the new-case form and a case's page. */
export class WorkspacePage {
  constructor(readonly page: Page) {}

  get sidebar() {
    return this.page.getByRole('navigation', { name: en('nav.label') });
  }

  async goTo(section: 'cases' | 'board' | 'dashboard' | 'contacts' | 'exchange' | 'settings'): Promise<void> {
    await this.sidebar.getByRole('button', { name: en(`nav.${section}`), exact: true }).click();
  }

  /** Opens a case through the intake form; resolves once its page shows. */
  async addCase(alias: string): Promise<void> {
    await this.sidebar.getByRole('button', { name: en('nav.newCase') }).click();
    const form = this.page.getByRole('region', { name: en('newCase.title') });
    await form.getByLabel(en('field.alias'), { exact: true }).fill(alias);
    await form.getByRole('button', { name: en('newCase.create') }).click();
    await this.page.getByRole('heading', { level: 1, name: alias }).waitFor();
  }

  get caseTable() {
    return this.page.getByRole('table', { name: en('cases.tableLabel') });
  }

  caseRow(alias: string) {
    return this.caseTable.getByRole('button', { name: alias, exact: true });
  }

  async lock(): Promise<void> {
    await this.sidebar.getByRole('button', { name: en('nav.lock') }).click();
    await waitReady(this.page, 'unlock');
  }
}
