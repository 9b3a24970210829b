import { expect, test, waitReady } from './fixtures.js';
import { goTo, openDemoVaultWithContact, saveScreen, type Lang } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';

/**
 * The main screens on a realistic vault (150 invented cases from `crossing demo`), in both
 * languages, each checked by axe and saved as test-results/screens/<screen>-<lang>.png.
 */
for (const lang of ['en', 'ru'] as const satisfies readonly Lang[]) {
  test(`main screens in ${lang}`, async ({ openApp }) => {
    test.setTimeout(120_000);
    const { page, control } = await openApp();
    // Under the app's strict CSP nothing may be refused: no inline style or script, no remote resource.
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    const peer = await openApp();
    await page.setViewportSize({ width: 1440, height: 900 });
    await openDemoVaultWithContact(page, control, peer.control, { lang, cases: 150 });
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    const check = async (screen: string) => {
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page);
      await saveScreen(page, screen, lang);
    };

    await expect(page.getByRole('table')).toBeVisible();
    await check('cases');
    await page.getByRole('table').getByRole('row').nth(1).getByRole('button').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await check('case');
    await goTo(page, 'board');
    await check('board');
    await goTo(page, 'dashboard');
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
    await check('dashboard');
    await goTo(page, 'contacts');
    await expect(page.getByRole('textbox').first()).toHaveValue(/.+/);
    await check('contacts');
    await goTo(page, 'exchange');
    await check('exchange');
    await goTo(page, 'settings');
    await check('settings');
    await page.keyboard.press('Control+KeyN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'ru' ? 'Новое дело' : 'New case');
    await check('new-case-1440');

    // The dark theme, on the busiest screens.
    await goTo(page, 'settings');
    await page.getByRole('button', { name: lang === 'ru' ? 'Тёмная' : 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await goTo(page, 'cases');
    await expect(page.getByRole('table')).toBeVisible();
    await check('cases-dark');
    await goTo(page, 'dashboard');
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
    await check('dashboard-dark');

    await page.keyboard.press('Control+KeyL');
    await waitReady(page, 'unlock');
    await check('unlock');
    expect(refused).toEqual([]);
  });
}
