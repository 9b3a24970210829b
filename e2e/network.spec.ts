import { expect, test } from './fixtures.js';
import { en } from './models/strings.js';
import { WorkspacePage } from './models/WorkspacePage.js';

/** DESIGN.md: "No network, ever." Every request the page makes goes to its own loopback origin. */
test('the page only ever talks to its own loopback origin', async ({ openApp }, testInfo) => {
  testInfo.skip(
    testInfo.project.metadata.target !== 'harness',
    'the harness origin exists only in the Chromium project',
  );
  const requests: string[] = [];
  const sockets: string[] = [];
  const { page, control } = await openApp();
  page.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => sockets.push(socket.url()));
  // A CSP violation is reported as a console error: the UI must run under the strict policy as shipped.
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // Load again with the listeners in place, then exercise the app a little.
  await page.reload();
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  await control.value('createVault', { passphrase: 'correct horse battery', kdf: 'interactive', displayName: 'Net' });
  await control.value('createCase', { input: { alias: 'Network', refugeCountry: 'DE', stage: 'arrived' } });
  await page.reload();
  await page.waitForSelector('body[data-ready="app"]', { state: 'attached' });
  const workspace = new WorkspacePage(page);
  for (const section of ['cases', 'board', 'dashboard', 'contacts', 'exchange', 'settings'] as const) {
    await workspace.goTo(section);
    await page.getByRole('heading', { level: 1, name: en(`nav.${section}`) }).waitFor();
  }

  const origin = new URL(page.url()).origin;
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(requests.length).toBeGreaterThan(0);
  for (const url of requests) expect(new URL(url).origin, url).toBe(origin);
  expect(sockets.length).toBeGreaterThan(0);
  for (const url of sockets) expect(url.startsWith(`ws://127.0.0.1:${new URL(origin).port}/`), url).toBe(true);
  expect(errors).toEqual([]);
});
