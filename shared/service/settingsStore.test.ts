import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../ipc/contract.js';
import { makeTempDir } from '../testing/tempDir.js';
import { SettingsStore } from './settingsStore.js';

const temps: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of temps.splice(0)) cleanup();
});
function store() {
  const temp = makeTempDir('crossing-settings-');
  temps.push(temp.cleanup);
  return { store: new SettingsStore(path.join(temp.dir, 'app')), dir: path.join(temp.dir, 'app') };
}

describe('settings store', () => {
  it('gives defaults when there is no file', () => {
    expect(store().store.read()).toEqual(DEFAULT_SETTINGS);
  });

  it('writes a whole new file and reads it back', () => {
    const { store: s, dir } = store();
    s.update({ language: 'en', autoLockMinutes: 10 });
    expect(s.read()).toEqual({ ...DEFAULT_SETTINGS, language: 'en', autoLockMinutes: 10 });
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
    // The app's folder and its files are its owner's only.
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('falls back to defaults for a settings file that never ends (a device, not a file)', () => {
    const { dir } = store();
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync('/dev/zero', path.join(dir, 'settings.json'));
    expect(new SettingsStore(dir).read()).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to defaults for a broken file, and per field for a bad value', () => {
    const { store: s, dir } = store();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"language": "en", "theme": ');
    expect(s.read()).toEqual(DEFAULT_SETTINGS);
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"language": "en", "autoLockMinutes": -3, "theme": 7}');
    expect(s.read()).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
    fs.writeFileSync(path.join(dir, 'settings.json'), '[1,2]');
    expect(s.read()).toEqual(DEFAULT_SETTINGS);
  });
});
