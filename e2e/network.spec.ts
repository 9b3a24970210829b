import { expect, test } from './fixtures.js';

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
  // Load again with the listeners in place, then exercise the app a little.
  await page.reload();
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  await control.value('createVault', { passphrase: 'correct horse battery', kdf: 'interactive', displayName: 'Net' });
  await page.reload();
  await page.waitForSelector('body[data-ready]', { state: 'attached' });

  const origin = new URL(page.url()).origin;
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(requests.length).toBeGreaterThan(0);
  for (const url of requests) expect(new URL(url).origin, url).toBe(origin);
  expect(sockets.length).toBeGreaterThan(0);
  for (const url of sockets) expect(url.startsWith(`ws://127.0.0.1:${new URL(origin).port}/`), url).toBe(true);
});
