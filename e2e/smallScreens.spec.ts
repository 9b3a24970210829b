import type { Page } from '@playwright/test';
import { expect, test, waitReady } from './fixtures.js';
import { goTo, openDemoVault, openDemoVaultWithContact, PASSPHRASE, saveScreen, type Lang } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';

/**
 * The working screens on a 1024×700 and a 1366×768 laptop: nothing scrolls the whole window, the
 * table's headers are not cut, the board shows that it scrolls, and axe finds nothing in either theme.
 * Screens are saved as <screen>-1024-<lang>.png.
 */
const SIZES = [
  { width: 1024, height: 700, name: '1024' },
  { width: 1366, height: 768, name: '1366' },
] as const;

/** The window itself never scrolls: only the screen's own panes do. */
async function expectWindowStill(page: Page, where: string) {
  const overflow = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
  expect(overflow, where).toEqual({ x: 0, y: 0 });
}

/** Every visible column header shows its whole label. */
async function expectHeadersWhole(page: Page) {
  const clipped = await page.locator('.case-head [role="columnheader"]').evaluateAll((cells) =>
    cells
      .filter((c) => (c as HTMLElement).offsetParent !== null)
      .filter((c) => c.scrollWidth > c.clientWidth + 1)
      .map((c) => c.textContent),
  );
  expect(clipped).toEqual([]);
}

for (const lang of ['ru', 'en'] as const satisfies readonly Lang[]) {
  test(`small screens in ${lang}`, async ({ app }) => {
    const { page, control } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await openDemoVault(page, control, { lang, cases: 150 });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const shot = async (screen: string) => {
        await page.waitForLoadState('networkidle');
        await expectWindowStill(page, `${screen} at ${size.name}`);
        if (size.name === '1024') {
          await expectNoAxeViolations(page);
          await saveScreen(page, `${screen}-1024`, lang);
        }
      };
      await goTo(page, 'cases');
      await expect(page.getByRole('table')).toBeVisible();
      await expectHeadersWhole(page);
      await shot('cases');
      await page.getByRole('table').getByRole('row').nth(1).getByRole('button').first().click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shot('case');
      await goTo(page, 'board');
      await shot('board');
      await page.keyboard.press('Control+KeyN');
      await shot('new-case');
      await goTo(page, 'dashboard');
      await expect(page.locator('.recharts-surface').first()).toBeVisible();
      await shot('dashboard');
    }
    // The dark theme at the smallest size.
    await page.setViewportSize(SIZES[0]);
    await goTo(page, 'settings');
    await page.getByRole('button', { name: lang === 'ru' ? 'Тёмная' : 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await goTo(page, 'cases');
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('table').getByRole('row').nth(1).getByRole('button').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
    await goTo(page, 'board');
    await expectNoAxeViolations(page);
    await saveScreen(page, 'board-dark-1024', lang);
  });
}

for (const lang of ['ru', 'en'] as const satisfies readonly Lang[]) {
  test(`at 1024×700 in ${lang}: the board's stage strip, notes beside the case, the table's columns`, async ({
    app,
  }) => {
    const { page, control } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await openDemoVault(page, control, { lang, cases: 150 });

    // The last stage is out of sight; its chip in the strip brings its column in.
    await goTo(page, 'board');
    const strip = page.getByRole('navigation', { name: lang === 'ru' ? 'Этапы' : 'Stages' });
    await expect(strip.getByRole('button')).toHaveCount(9);
    const farColumn = page.locator('#col-closed');
    await expect(farColumn).not.toBeInViewport();
    await strip.getByRole('button').last().click();
    await expect(farColumn).toBeInViewport();
    await expectWindowStill(page, 'board after the strip');

    // Notes and history sit beside the form, not under it.
    await goTo(page, 'cases');
    await page.getByRole('table').getByRole('row').nth(1).getByRole('button').first().click();
    const side = page.locator('.case-side');
    await expect(side).toBeVisible();
    const [main, aside] = await Promise.all([page.locator('.case-main').boundingBox(), side.boundingBox()]);
    expect(aside!.x).toBeGreaterThanOrEqual(main!.x + main!.width);
    expect(aside!.x + aside!.width).toBeLessThanOrEqual(1024);
    expect(aside!.y).toBeLessThan(700);
    // And the case's header (alias, badges, Save, Hand off) fits its width: nothing is cut at the right.
    const headOverflow = await page
      .locator('.screen-case .screen-head')
      .evaluate((head) => head.scrollWidth - head.clientWidth);
    expect(headOverflow).toBeLessThanOrEqual(0);

    // The Cases header (title, count, search, Hand-offs, Possible duplicates, New case) keeps one row.
    await goTo(page, 'cases');
    const tops = await page
      .locator('.screen-cases > .screen-head > *:not(.spacer)')
      .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
    expect(Math.max(...tops) - Math.min(...tops), `header items' tops ${tops.join(', ')}`).toBeLessThan(20);

    // The table's least needed column (when a case last changed) gives way at 1024, and is back at 1440.
    await goTo(page, 'cases');
    const changed = page.locator('.case-head .col-updatedAt');
    await expect(page.getByRole('table')).toBeVisible();
    await expect(changed).toBeHidden();
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(changed).toBeVisible();
    await expectHeadersWhole(page);
  });

  test(`contacts, exchange, settings and unlock at 1024×700 in ${lang}, light and dark`, async ({ openApp }) => {
    test.setTimeout(120_000);
    const { page, control } = await openApp();
    const peer = await openApp();
    await page.setViewportSize({ width: 1024, height: 700 });
    await openDemoVaultWithContact(page, control, peer.control, { lang, cases: 150 });

    for (const theme of ['light', 'dark'] as const) {
      const check = async (screen: string) => {
        await page.waitForLoadState('networkidle');
        await expectWindowStill(page, `${screen} (${theme})`);
        await expectNoAxeViolations(page);
        if (theme === 'light') await saveScreen(page, `${screen}-1024`, lang);
      };
      if (theme === 'dark') {
        await goTo(page, 'settings');
        await page.getByRole('button', { name: lang === 'ru' ? 'Тёмная' : 'Dark' }).click();
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      }
      await goTo(page, 'contacts');
      await expect(page.getByRole('textbox').first()).toHaveValue(/.+/);
      await check('contacts');
      await goTo(page, 'exchange');
      await check('exchange');
      await goTo(page, 'settings');
      await check('settings');
      await page.keyboard.press('Control+KeyL');
      await waitReady(page, 'unlock');
      await check('unlock');
      await page.locator('input[type="password"]').fill(PASSPHRASE);
      await page.keyboard.press('Enter');
      await waitReady(page, 'app');
    }
  });
}
