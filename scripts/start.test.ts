import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { installedElectronBinary, installFailureReason } from './electronBinary.mjs';

const script = fileURLToPath(new URL('./start.mjs', import.meta.url));

describe('npm start', () => {
  it.skipIf(installedElectronBinary() !== null)(
    'tries to fetch the missing binary once, then says what to do, without a stack',
    () => {
      const cache = mkdtempSync(path.join(os.tmpdir(), 'crossing-electron-cache-'));
      try {
        // A mirror on a closed loopback port: the real installer runs and fails at once, on any machine.
        const env = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache };
        const run = spawnSync(process.execPath, [script, '--no-build'], { encoding: 'utf8', env });
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/fetching it once \(npx install-electron\)/);
        expect(run.stderr).toMatch(/Electron \d+\.\d+\.\d+ binary is not installed, and it could not be fetched: \S/);
        expect(run.stderr).toMatch(/npx install-electron/);
        expect(run.stderr).toMatch(/ELECTRON_CACHE/);
        expect(run.stderr).toMatch(/npx crossing/);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      } finally {
        rmSync(cache, { recursive: true, force: true });
      }
    },
  );
});

describe('finding the Electron binary', () => {
  it('never downloads: a missing binary is simply null', () => {
    const nowhere = { ELECTRON_OVERRIDE_DIST_PATH: path.join(os.tmpdir(), 'no-electron-here') };
    expect(installedElectronBinary(nowhere)).toBeNull();
  });

  it("tells an installer's failure in one line, without its stack", () => {
    const stderr = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async x\n';
    expect(installFailureReason(stderr)).toBe('fetch failed');
    expect(installFailureReason('')).toMatch(/without saying why/);
  });
});
