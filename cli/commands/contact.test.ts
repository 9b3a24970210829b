import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { addCase, crossing, expectCleanError, initVault, withPassphrase } from '../testing/runCrossing.js';

/** Issue 13: `crossing contact rename` and `crossing contact remove`, as a coordinator runs them. */
let dir: string;
let cleanup: () => void;
let alice: string;
let bobFingerprint: string;
const env = withPassphrase();

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  alice = path.join(dir, 'alice.crossing-vault');
  const bob = path.join(dir, 'bob.crossing-vault');
  initVault(alice);
  initVault(bob);
  const card = crossing(['identity', bob], { env }).stdout;
  fs.writeFileSync(path.join(dir, 'bob.card'), card);
  bobFingerprint = /Fingerprint: ([0-9a-f]{40})/.exec(card)![1]!;
  expect(crossing(['contact', 'add', alice, path.join(dir, 'bob.card'), '--name', 'Bob'], { env }).status).toBe(0);
});
afterEach(() => cleanup());

describe('crossing contact rename and remove', () => {
  it('renames, refuses a taken or empty name, then removes saying what happens to assigned cases', () => {
    const renamed = crossing(['contact', 'rename', alice, 'Bob', 'Бекхан'], { env });
    expect(renamed.status, renamed.stderr).toBe(0);
    expect(renamed.stdout).toBe(`renamed: Bob is now Бекхан (${bobFingerprint})\n`);
    const empty = crossing(['contact', 'rename', alice, 'Бекхан', ' '], { env });
    expect(empty.status).toBe(1);
    expectCleanError(empty);

    addCase(alice, { alias: 'Ахмед', assignedTo: bobFingerprint });
    const removed = crossing(['contact', 'remove', alice, 'бекхан'], { env });
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(/^removed: Бекхан .*\n1 case\(s\) are still assigned to them/);
    expect(JSON.parse(crossing(['contact', 'list', alice, '--json'], { env }).stdout)).toEqual([]);
    const again = crossing(['contact', 'remove', alice, 'Бекхан'], { env });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/there is no contact Бекхан/);
  });
});
