import { describe, expect, it } from 'vitest';
import { APP_PARTITION, windowOptions } from './windowOptions.js';

describe('window options', () => {
  const packaged = windowOptions({ preload: '/app/preload.cjs', isPackaged: true }).webPreferences!;
  const dev = windowOptions({ preload: '/app/preload.cjs', isPackaged: false }).webPreferences!;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s', (flag, value) => {
    expect(packaged[flag]).toBe(value);
    expect(dev[flag]).toBe(value);
  });

  it('closes devtools in packaged builds only', () => {
    expect(packaged.devTools).toBe(false);
    expect(dev.devTools).toBe(true);
  });

  it('loads the given preload into an in-memory session', () => {
    expect(packaged.preload).toBe('/app/preload.cjs');
    expect(packaged.partition).toBe(APP_PARTITION);
    expect(APP_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('enables no blink feature', () => {
    expect(packaged.enableBlinkFeatures).toBeUndefined();
  });
});
