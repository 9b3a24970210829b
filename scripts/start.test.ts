import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findElectron } from './start.mjs';

const script = fileURLToPath(new URL('./start.mjs', import.meta.url));

describe('npm start', () => {
  it.skipIf(findElectron() !== null)('says what to do when the Electron binary is missing', () => {
    const run = spawnSync(process.execPath, [script, '--no-build'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Electron binary is not installed/);
    expect(run.stderr).toMatch(/node node_modules\/electron\/install\.js/);
    expect(run.stderr).toMatch(/npx crossing/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
