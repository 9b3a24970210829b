import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { contract } from '../../shared/ipc/contract.js';
import { HARNESS_PROTECTIONS, startHarness, type Harness } from './server.js';

const open: Array<{ close: () => unknown }> = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

async function harnessWithRenderer(): Promise<Harness> {
  const renderer = makeTempDir('crossing-renderer-');
  open.push({ close: renderer.cleanup });
  fs.writeFileSync(path.join(renderer.dir, 'index.html'), '<html><head><title>x</title></head><body></body></html>');
  fs.mkdirSync(path.join(renderer.dir, 'assets'));
  fs.writeFileSync(path.join(renderer.dir, 'assets', 'app.js'), 'console.log(1)');
  const harness = await startHarness({ rendererDir: renderer.dir });
  open.push(harness);
  return harness;
}

function connect(harness: Harness, options: { token?: string; origin?: string } = {}): Promise<WebSocket> {
  const url = `ws://127.0.0.1:${new URL(harness.url).port}/__harness/ws?token=${options.token ?? harness.token}`;
  const ws = new WebSocket(url, { origin: options.origin ?? harness.origin });
  open.push({ close: () => ws.terminate() });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function request(ws: WebSocket, id: number, channel: string, args: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { id?: number; response?: unknown };
      if (message.id !== id) return;
      ws.off('message', onMessage);
      resolve(message.response);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, args }));
  });
}

describe('test harness', () => {
  it('serves the renderer on loopback with the bridge first and the strict CSP', async () => {
    const harness = await harnessWithRenderer();
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(harness.url);
    const html = await response.text();
    expect(html).toContain('<head><script src="/__harness/bridge.js"></script><title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`connect-src ws://127.0.0.1:${new URL(harness.url).port}`);
    expect(csp).not.toMatch(/https?:|unsafe-inline|unsafe-eval/);
    expect(await (await fetch(`${harness.origin}/assets/app.js`)).text()).toBe('console.log(1)');
    const bridge = await fetch(`${harness.origin}/__harness/bridge.js`);
    expect(bridge.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await bridge.text()).toContain('"queryCases"');
  });

  it('serves nothing outside the renderer folder', async () => {
    const harness = await harnessWithRenderer();
    for (const probe of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../x', '/%00']) {
      expect((await fetch(`${harness.origin}${probe}`)).status).toBe(404);
    }
  });

  it('refuses a WebSocket without the token or from another origin', async () => {
    const harness = await harnessWithRenderer();
    await expect(connect(harness, { token: 'nope' })).rejects.toThrow(/403/);
    await expect(connect(harness, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('answers the contract over the WebSocket and pushes events', async () => {
    const harness = await harnessWithRenderer();
    const ws = await connect(harness);
    expect(await request(ws, 1, 'getAppState', {})).toMatchObject({ ok: true, value: { vaultExists: false } });
    expect(await request(ws, 2, 'nope', {})).toMatchObject({ ok: false, error: { code: 'usage' } });
    await harness.call('createVault', { passphrase: 'correct horse battery', kdf: 'interactive', displayName: 'A' });
    const event = new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
    harness.lock('panic');
    expect(await event).toEqual({ event: 'locked', payload: { reason: 'panic' } });
  });

  it("answers main's own row, platformProtections, as main would for the network's laptops", async () => {
    const harness = await harnessWithRenderer();
    const ws = await connect(harness);
    const response = await request(ws, 1, 'platformProtections', {});
    expect(response).toEqual({ ok: true, value: HARNESS_PROTECTIONS });
    expect(contract.platformProtections.result.parse(HARNESS_PROTECTIONS).platform).toBe('linux');
    expect(HARNESS_PROTECTIONS.protections.filter((p) => p.status !== 'works').map((p) => p.id)).toEqual([
      'contentProtection',
      'asarIntegrity',
      'idle',
      'panicShortcut',
    ]);
    expect(await harness.call('platformProtections', {})).toEqual(response);
    expect(await harness.service.handle('platformProtections', {})).toMatchObject({
      ok: false,
      error: { code: 'usage' },
    });
  });

  it('times each call it answers, for the UI bench', async () => {
    const harness = await harnessWithRenderer();
    const ws = await connect(harness);
    await request(ws, 1, 'getAppState', {});
    await harness.call('platformProtections', {});
    const timings = harness.callTimings();
    expect(timings.map((t) => t.channel)).toEqual(['getAppState', 'platformProtections']);
    expect(timings.every((t) => t.ms >= 0 && t.startedAt > 0)).toBe(true);
    harness.clearCallTimings();
    expect(harness.callTimings()).toEqual([]);
  });

  it('takes dialog answers over the control endpoint, with the token only', async () => {
    const harness = await harnessWithRenderer();
    const post = (token: string, body: unknown) =>
      fetch(`${harness.origin}/__harness/control`, {
        method: 'POST',
        headers: { 'x-harness-token': token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const other = path.join(harness.dataDir, 'other.crossing-vault');
    expect((await post('wrong', { dialog: 'openVault', answer: other })).status).toBe(403);
    expect((await post(harness.token, { dialog: 'openVault', answer: other })).status).toBe(200);
    expect(await harness.call('chooseOtherVault', {})).toEqual({ ok: true, value: { vaultPath: other } });
    expect(await harness.call('chooseOtherVault', {})).toEqual({ ok: true, value: { vaultPath: null } });
  });

  it('serves a placeholder that exercises the bridge when the renderer is not built', async () => {
    const harness = await startHarness({ rendererDir: '/nonexistent-renderer' });
    open.push(harness);
    expect(harness.servingPlaceholder).toBe(true);
    expect(await (await fetch(harness.url)).text()).toContain('/placeholder.js');
  });
});
