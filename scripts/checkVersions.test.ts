import { describe, expect, it } from 'vitest';
import { declaredMajor, electronSupportVerdict, installedElectronVerdict } from './checkVersions.mjs';
import { buildsForAnotherPlatform } from './dist.mjs';

describe('check:versions', () => {
  it('reads the major of the ranges package.json may hold', () => {
    expect(declaredMajor('^45.5.0')).toBe(45);
    expect(declaredMajor('~45.1')).toBe(45);
    expect(declaredMajor('45.x')).toBe(45);
    expect(declaredMajor('>=44.0.0')).toBe(44);
    expect(declaredMajor('45')).toBe(45);
    expect(declaredMajor('latest')).toBeNull();
  });

  it('accepts the newest three majors and fails the fourth, naming what to do', () => {
    expect(electronSupportVerdict('^45.5.0', '45.5.0').ok).toBe(true);
    expect(electronSupportVerdict('^43.0.0', '45.5.0').ok).toBe(true);
    const behind = electronSupportVerdict('^41.7.1', '45.5.0');
    expect(behind.ok).toBe(false);
    expect(behind.message).toMatch(/Electron 41 is 4 majors behind the latest \(45\.5\.0\): only 43–45/);
    expect(behind.message).toMatch(/npm install --save-dev electron@45/);
    expect(electronSupportVerdict('latest', '45.5.0').ok).toBe(false);
  });

  it('fails when the installed Electron is not the declared one', () => {
    expect(installedElectronVerdict('^45.5.0', '45.5.0').ok).toBe(true);
    expect(installedElectronVerdict('^45.5.0', '45.6.1').ok).toBe(true);
    expect(installedElectronVerdict('^45.5.0', '45.4.9')).toMatchObject({ ok: false });
    expect(installedElectronVerdict('^45.5.0', '41.7.1').message).toMatch(
      /installed Electron 41\.7\.1 is not the declared \^45\.5\.0: run npm install/,
    );
    expect(installedElectronVerdict('^45.5.0', null).message).toMatch(/not installed: run npm install/);
  });
});

describe('npm run dist', () => {
  it('packages from the installed binary unless another platform is asked for', () => {
    expect(buildsForAnotherPlatform([], 'linux')).toBe(false);
    expect(buildsForAnotherPlatform(['--linux', 'deb'], 'linux')).toBe(false);
    expect(buildsForAnotherPlatform(['--win'], 'linux')).toBe(true);
    expect(buildsForAnotherPlatform(['-m', '-l'], 'linux')).toBe(true);
  });
});
