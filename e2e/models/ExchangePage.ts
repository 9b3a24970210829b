import type { Page } from '@playwright/test';
import { en } from './strings.js';

/** The Exchange screen: export sealed files to contacts, import one with a preview. */
export class ExchangePage {
  constructor(readonly page: Page) {}

  private view(name: 'export' | 'import' | 'handOff') {
    return this.page
      .getByRole('group', { name: en('exchange.title') })
      .getByRole('button', { name: en(`exchange.view.${name}`), exact: true });
  }

  /** Exports every case to the named contacts; resolves when the UI reports the sealed file. */
  async exportAllTo(...names: string[]): Promise<void> {
    await this.view('export').click();
    const form = this.page.getByRole('form', { name: en('exchange.exportTitle') });
    await form.getByRole('radio', { name: en('exchange.scopes.all') }).check();
    for (const name of names) await form.getByRole('checkbox', { name }).check();
    await form.getByRole('button', { name: en('exchange.export'), exact: true }).click();
    await form.getByRole('status').waitFor();
  }

  /** Chooses a file (the test queued the dialog's answer) and waits for its preview. */
  async chooseImportFile(): Promise<void> {
    await this.view('import').click();
    await this.importPanel.getByRole('button', { name: en('exchange.chooseFile') }).click();
    await this.preview.waitFor();
  }

  get importPanel() {
    return this.page.getByRole('region', { name: en('exchange.importTitle') });
  }

  get preview() {
    return this.page.getByLabel(en('exchange.previewTitle'));
  }

  async apply(): Promise<void> {
    await this.importPanel.getByRole('button', { name: en('exchange.apply'), exact: true }).click();
    await this.importPanel.getByRole('status').waitFor();
  }
}
