import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AppControl } from '../control.js';
import { expect } from '../fixtures.js';
import { goTo, type Lang } from './app.js';

type Tree = { [key: string]: string | Tree };
const STRINGS: Record<Lang, Tree> = {
  en: JSON.parse(fs.readFileSync(path.resolve('renderer/src/i18n/en.json'), 'utf8')) as Tree,
  ru: JSON.parse(fs.readFileSync(path.resolve('renderer/src/i18n/ru.json'), 'utf8')) as Tree,
};

/** A UI string in either language, with its values filled in (the wizard is driven in both). */
export function say(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = STRINGS[lang];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no ${lang} string ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** The spreadsheet wizard under Exchange, driven by the labels a person reads. */
export class SheetWizard {
  constructor(
    readonly page: Page,
    readonly control: AppControl,
    readonly lang: Lang,
  ) {}

  async open(): Promise<void> {
    await goTo(this.page, 'exchange');
    await this.page.getByRole('button', { name: say(this.lang, 'exchange.view.sheet') }).click();
    await expect(this.page.getByRole('heading', { name: say(this.lang, 'sheets.title') })).toBeVisible();
  }

  async choose(file: string): Promise<void> {
    await this.control.queueDialog('openSpreadsheet', file);
    await this.page.getByRole('button', { name: say(this.lang, 'sheets.chooseFile') }).click();
    await expect(this.page.getByText(path.basename(file))).toBeVisible();
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: say(this.lang, 'sheets.next') }).click();
  }

  async toPreview(): Promise<void> {
    await this.page.getByRole('button', { name: say(this.lang, 'sheets.toPreview') }).click();
    await expect(this.page.getByText(say(this.lang, 'sheets.previewNote'))).toBeVisible();
  }

  /** The value of one of the report's counts. */
  count(key: string) {
    return this.page.locator('.sheet-counts dt', { hasText: say(this.lang, `sheets.counts.${key}`) }).locator('+ dd');
  }
}
