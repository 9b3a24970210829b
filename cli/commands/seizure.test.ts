import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { PASSPHRASE, addCase, crossing, expectCleanError, initVault, withPassphrase } from '../testing/runCrossing.js';

/** Issue 14 through the `crossing` command: the CLI honours duress and the wipe exactly as the app. */
let dir: string;
let cleanup: () => void;
let vault: string;
const DURESS = 'a quiet field of rye at dawn';
const NEW = 'a new and longer passphrase';

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'hub.crossing-vault');
  initVault(vault);
  addCase(vault, { alias: 'Ахмед' });
});
afterEach(() => cleanup());

const env = withPassphrase();
const listAs = (passphrase: string) => crossing(['case', 'list', vault], { env: { CROSSING_PASSPHRASE: passphrase } });

describe('crossing erase', () => {
  it('wants --yes, then leaves nothing of the vault in its folder', () => {
    const refused = crossing(['erase', vault]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/cannot be undone: add --yes/);
    expect(fs.existsSync(vault)).toBe(true);
    const erased = crossing(['erase', vault, '--yes']);
    expect(erased.status, erased.stderr).toBe(0);
    expect(erased.stdout).toMatch(/erased .*keys destroyed/);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(crossing(['erase', vault, '--yes']).stderr).toMatch(/there is no vault/);
  });
});

describe('crossing duress', () => {
  it('set: typed at unlock by any command, it erases and answers as a wrong passphrase does', () => {
    const set = crossing(['duress', 'set', vault], { env: { ...env, CROSSING_DURESS_PASSPHRASE: DURESS } });
    expect(set.status, set.stderr).toBe(0);
    const wrong = listAs('not the passphrase');
    expect(fs.existsSync(vault)).toBe(true);
    const duress = listAs(DURESS);
    expectCleanError(duress);
    expect([duress.status, duress.stdout, duress.stderr]).toEqual([wrong.status, wrong.stdout, wrong.stderr]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('clear: the old duress passphrase is only a wrong one; passwd clears it and says so', () => {
    crossing(['duress', 'set', vault], { env: { ...env, CROSSING_DURESS_PASSPHRASE: DURESS } });
    expect(crossing(['duress', 'clear', vault], { env }).status).toBe(0);
    expect(listAs(DURESS).status).toBe(2);
    expect(fs.existsSync(vault)).toBe(true);
    crossing(['duress', 'set', vault], { env: { ...env, CROSSING_DURESS_PASSPHRASE: DURESS } });
    const passwd = crossing(['passwd', vault], { env: withPassphrase({ CROSSING_NEW_PASSPHRASE: NEW }) });
    expect(passwd.stdout).toMatch(/duress passphrase was cleared/);
    expect(listAs(DURESS).status).toBe(2);
    expect(listAs(NEW).status).toBe(0);
  });

  it('is refused when the same as the passphrase', () => {
    const same = crossing(['duress', 'set', vault], { env: { ...env, CROSSING_DURESS_PASSPHRASE: PASSPHRASE } });
    expect(same.status).toBe(1);
    expect(same.stderr).toMatch(/must differ from the vault passphrase/);
  });
});

describe('crossing wipe-after', () => {
  it('counts failed unlocks of every command, announces the last three, and erases at the limit', () => {
    expect(crossing(['wipe-after', vault, '7'], { env }).stderr).toMatch(/off, 5, 10 or 20/);
    expect(crossing(['wipe-after', vault, '5'], { env }).status).toBe(0);
    const said = [1, 2, 3, 4].map((i) => listAs(`guess ${i}`).stderr);
    expect(said[0]).not.toMatch(/left/);
    expect(said[1]).toMatch(/3 attempts left before the vault is erased/);
    expect(said[3]).toMatch(/1 attempt left before the vault is erased/);
    expect(listAs(PASSPHRASE).status).toBe(0); // resets the count
    for (let i = 0; i < 4; i++) listAs(`guess ${i}`);
    expect(fs.existsSync(vault)).toBe(true);
    listAs('fifth');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('crossing recovery split', () => {
  it('writes one printable file per share; any two open the vault with passwd; one is too few', () => {
    const out = path.join(dir, 'shares');
    const split = crossing(['recovery', 'split', vault, '--out-dir', out, '--json'], { env });
    expect(split.status, split.stderr).toBe(0);
    const { files, threshold, count } = JSON.parse(split.stdout) as {
      files: string[];
      threshold: number;
      count: number;
    };
    expect([threshold, count, files.length]).toEqual([2, 3, 3]);
    for (const file of files) {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, 'utf8')).toMatch(/Any 2 of the 3 shares/);
    }
    const one = crossing(['case', 'list', vault, '--recovery-share', files[0]!]);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/2 recovery shares of set .* are needed; 1 given/);
    const passwd = crossing(['passwd', vault, '--recovery-share', files[2]!, '--recovery-share', files[0]!], {
      env: { CROSSING_NEW_PASSPHRASE: NEW },
    });
    expect(passwd.status, passwd.stderr).toBe(0);
    expect(listAs(NEW).stdout).toMatch(/Ахмед/);
  });

  it('names a share with a typo', () => {
    const out = path.join(dir, 'shares');
    const { files } = JSON.parse(
      crossing(['recovery', 'split', vault, '--out-dir', out, '--json'], { env }).stdout,
    ) as { files: string[] };
    const text = fs.readFileSync(files[1]!, 'utf8');
    fs.writeFileSync(
      files[1]!,
      text.replace(/Share: (..)(.)/, (_, a: string, c: string) => `Share: ${a}${c === 'Z' ? 'Y' : 'Z'}`),
    );
    const result = crossing(['case', 'list', vault, '--recovery-share', files[0]!, '--recovery-share', files[1]!]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/recovery share 2 has a typing mistake/);
  });
});
