import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveAppFile } from './appFiles.js';
import { appFileHandler } from './appProtocol.js';

const root = mkdtempSync(path.join(tmpdir(), 'crossing-app-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Crossing</title>');
writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1)');
writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'outside');

describe('app file resolution', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'crossing://app/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'crossing://app/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'crossing://app/assets/index.js?v=1#x')).toBe(path.join(root, 'assets', 'index.js'));
  });

  it.each([
    'crossing://app/../secret.txt',
    'crossing://app/%2e%2e/secret.txt',
    'crossing://app/assets/../../secret.txt',
  ])('keeps %s inside the folder', (url) => {
    expect(resolveAppFile(root, url)).toBe(path.join(root, 'secret.txt'));
  });

  it.each([
    'crossing://app/assets%2f..%2f..%2fsecret.txt',
    'crossing://app/..%5csecret.txt',
    'crossing://app/index.html%00.js',
    'crossing://app/%E0%A4%A',
    'crossing://other/index.html',
    'file:///etc/passwd',
    'https://example.org/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('types scripts as JavaScript and unknown files as opaque bytes', () => {
    expect(contentTypeOf('a/index.js')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('a/index.HTML')).toMatch(/^text\/html/);
    expect(contentTypeOf('a/thing.exe')).toBe('application/octet-stream');
  });
});

describe('app protocol handler', () => {
  const handle = appFileHandler(root);

  it('serves a file with the CSP and nosniff', async () => {
    const response = await handle({ url: 'crossing://app/assets/index.js', method: 'GET' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 outside the folder, for missing files and for other methods', async () => {
    expect((await handle({ url: 'crossing://app/../secret.txt', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'crossing://app/missing.js', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'crossing://app/index.html', method: 'POST' })).status).toBe(404);
  });
});
