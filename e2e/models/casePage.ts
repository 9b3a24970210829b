import type { Page } from '@playwright/test';

/** One case's page (English UI). */
export class CasePage {
  constructor(private readonly page: Page) {}
  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }
  get title() {
    return this.page.getByRole('heading', { level: 1 });
  }
  async save() {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.page.getByRole('status').getByText('Saved.').waitFor();
  }
  get timeline() {
    return this.page.getByRole('region', { name: 'Notes and history' });
  }
  async addNote(text: string) {
    await this.page.getByRole('textbox', { name: 'New note' }).fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
  }
}
