import { expect, type Page } from '@playwright/test';
import { waitReady } from '../fixtures.js';
import { en } from './strings.js';

/** The locked app: create a vault (first start) or unlock it. */
export class GatePage {
  constructor(readonly page: Page) {}

  /** Fills the create form with the fastest KDF (tests), and confirms the recovery key was written down. */
  async createVault(displayName: string, passphrase: string): Promise<string> {
    const form = this.page.getByRole('form', { name: en('gate.create.title') });
    await form.getByLabel(en('gate.create.displayName')).fill(displayName);
    await form.getByLabel(en('gate.create.passphrase'), { exact: true }).fill(passphrase);
    await form.getByLabel(en('gate.create.confirm')).fill(passphrase);
    await form.getByRole('radio', { name: en('kdf.interactive.name') }).check();
    await form.getByRole('button', { name: en('gate.create.submit') }).click();
    const key = this.page.getByLabel(en('gate.recovery.keyLabel'), { exact: true });
    await expect(key).toBeVisible();
    const recoveryKey = (await key.textContent())?.trim() ?? '';
    await this.page.getByRole('checkbox', { name: en('gate.recovery.confirm') }).check();
    await this.page.getByRole('button', { name: en('gate.recovery.continue') }).click();
    await waitReady(this.page, 'app');
    return recoveryKey;
  }

  async unlock(passphrase: string): Promise<void> {
    await this.fillUnlock(passphrase);
    await waitReady(this.page, 'app');
  }

  async fillUnlock(passphrase: string): Promise<void> {
    const form = this.page.getByRole('form', { name: en('gate.unlock.title') });
    await form.getByLabel(en('gate.unlock.passphrase'), { exact: true }).fill(passphrase);
    await form.getByRole('button', { name: en('gate.unlock.submit'), exact: true }).click();
  }

  get wrongPassphrase() {
    return this.page.getByText(en('gate.unlock.wrong.passphrase'));
  }
}
