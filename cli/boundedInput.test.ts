import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../shared/testing/tempDir.js';
import { addCase, crossing, expectCleanError, initVault, withPassphrase } from './testing/runCrossing.js';

/**
 * Issue 10, finding 3: an endless stream given as input (/dev/zero, a FIFO) used to be read until
 * memory ran out, because the size limit trusted stat(). Each of these runs gets 20 seconds; before
 * the bounded reads, each one grew to gigabytes and was killed.
 */
let dir: string;
let cleanup: () => void;
let vault: string;
beforeAll(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'v.crossing-vault');
  initVault(vault);
});
afterAll(() => cleanup());

const quick = { timeout: 20_000 };

describe('endless input is cut off at its limit', () => {
  it('--json /dev/zero for a case: exit 3, over 16 MiB', () => {
    const result = crossing(['case', 'add', vault, '--json', '/dev/zero'], { ...quick, env: withPassphrase() });
    expect(result.status, result.stderr).toBe(3);
    expectCleanError(result);
    expect(result.stderr).toContain('too large for a case (over 16 MiB)');
  });

  it('--passphrase-file /dev/zero: exit 3, before any vault is opened or created', () => {
    for (const args of [
      ['case', 'list', vault],
      ['init', path.join(dir, 'new.crossing-vault'), '--kdf', 'interactive', '--name', 'Test'],
    ]) {
      const result = crossing([...args, '--passphrase-file', '/dev/zero'], quick);
      expect(result.status, result.stderr).toBe(3);
      expectCleanError(result);
      expect(result.stderr).toContain('passphrase file /dev/zero is over 64 KiB');
    }
    expect(fs.existsSync(path.join(dir, 'new.crossing-vault'))).toBe(false);
  });

  it('a key card or an identity file from /dev/zero: exit 3', () => {
    const card = crossing(['contact', 'add', vault, '/dev/zero'], { ...quick, env: withPassphrase() });
    expect(card.status, card.stderr).toBe(3);
    expect(card.stderr).toContain('/dev/zero is over 64 KiB: it is not a key card');
    const backup = path.join(dir, 'b.crossing');
    addCase(vault, { alias: 'Ахмед' });
    expect(crossing(['backup', vault, '--out', backup], { env: withPassphrase() }).status).toBe(0);
    const restore = crossing(['restore', vault, backup, '--identity-file', '/dev/zero'], {
      ...quick,
      env: withPassphrase(),
    });
    expect(restore.status, restore.stderr).toBe(3);
    expect(restore.stderr).toContain('identity file /dev/zero is over 64 KiB');
  });

  it('a key card on an endless stdin: exit 3', () => {
    const result = crossing(['contact', 'add', vault, '-'], {
      ...quick,
      env: withPassphrase(),
      input: 'x'.repeat(200 * 1024),
    });
    expect(result.status, result.stderr).toBe(3);
    expect(result.stderr).toContain('- is over 64 KiB: it is not a key card');
  });
});
