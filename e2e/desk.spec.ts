import { expect, test } from './fixtures.js';
import { goTo, openDemoVault, saveScreen } from './models/app.js';
import { expectNoAxeViolations } from './models/axe.js';
import { say } from './models/strings.js';

/**
 * The desk in Russian at the smallest supported window and a common large one: the case list as it
 * is found back from a case (searched, filtered, scrolled), and the board with its "and N more"
 * buttons. Nothing may be cut, wrap badly or overlap; the screens are saved as
 * desk-return-<size>-ru.png and board-more-<size>-ru.png.
 */
const SIZES = [
  { width: 1024, height: 700, name: '1024' },
  { width: 1440, height: 900, name: '1440' },
] as const;

test('the list back from a case and the board\u2019s "and N more", in Russian', async ({ app }) => {
  test.setTimeout(120_000);
  const { page, control } = app;
  await page.setViewportSize(SIZES[0]);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openDemoVault(page, control, { lang: 'ru', cases: 500 });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await goTo(page, 'cases');
    const search = page.getByRole('searchbox');
    await search.fill('а');
    const filters = page.getByRole('group', { name: 'Фильтры' });
    await filters.locator('summary', { hasText: 'Риск' }).click();
    await filters.getByRole('group', { name: 'Риск' }).getByRole('checkbox', { name: 'Высокий' }).check();
    await page.keyboard.press('Escape');
    const scroller = page.locator('.case-scroll');
    await scroller.evaluate((el) => el.scrollTo(0, 12 * 36));
    const row = page.locator('.case-scroll [data-index="14"] .row-open');
    const alias = (await row.textContent())!;
    await row.click();
    await expect(page.getByRole('heading', { level: 1, name: alias })).toBeVisible();
    await page.getByRole('button', { name: '← Дела' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Дела' })).toBeVisible();
    await expect(search).toHaveValue('а');
    await expect(page.locator(`.case-scroll [data-index="14"] .row-open`)).toHaveText(alias);
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page);
    await saveScreen(page, `desk-return-${size.name}`, 'ru');
    // Clear for the next size.
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await search.fill('');

    await goTo(page, 'board');
    const arrived = page.getByRole('region', { name: /^Прибыл/ });
    await expect(arrived.locator('.board-card')).toHaveCount(60);
    const total = Number((await arrived.getByRole('heading').textContent())!.replace(/\D/g, ''));
    const more = arrived.getByRole('button', {
      name: say('ru', 'board.more', { count: total - 60, formatted: String(total - 60) }),
    });
    // The stage strip brings the column in (at once: no smooth scrolling asked for).
    await page
      .getByRole('navigation', { name: 'Этапы' })
      .getByRole('button', { name: /^Прибыл/ })
      .click();
    await arrived.locator('.column-cards').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(more).toBeInViewport({ ratio: 1 });
    await expectNoAxeViolations(page);
    // The page itself stays put under the sidebar: only the board scrolls.
    expect(await page.locator('.board-stages').evaluate((el) => el.getBoundingClientRect().left)).toBeGreaterThan(
      await page.locator('.sidebar').evaluate((el) => el.getBoundingClientRect().right - 1),
    );
    await saveScreen(page, `board-more-${size.name}`, 'ru');
  }
});
