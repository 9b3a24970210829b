import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import {
  NAME,
  PASSPHRASE,
  crossing,
  crossingWithoutTerminal,
  expectCleanError,
  sha256,
  withPassphrase,
} from '../testing/runCrossing.js';

let dir: string;
let cleanup: () => void;
let vault: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'new.crossing-vault');
});
afterEach(() => cleanup());

const RECOVERY_KEY = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){8}$/;

describe('crossing init', () => {
  it('creates a vault and prints the recovery key once, with a warning', () => {
    const result = crossing(['init', vault, '--kdf', 'interactive'], { env: withPassphrase() });
    expect(result.status, result.stderr).toBe(0);
    const key = result.stdout.split('\n').find((line) => RECOVERY_KEY.test(line.trim()));
    expect(key).toBeDefined();
    expect(result.stdout).toMatch(/keep it apart from this laptop/);
    expect(result.stdout).not.toContain(PASSPHRASE);
    expect(crossing(['check', vault], { env: withPassphrase() }).status).toBe(0);
    expect(crossing(['check', vault], { env: { CROSSING_RECOVERY_KEY: key!.trim() } }).status).toBe(0);
  });

  it('prints {vault, recoveryKey, fingerprint} with --json', () => {
    const result = crossing(['init', vault, '--kdf', 'interactive', '--json'], { env: withPassphrase() });
    const out = JSON.parse(result.stdout) as { vault: string; recoveryKey: string; fingerprint: string };
    expect(out.vault).toBe(vault);
    expect(out.recoveryKey).toMatch(RECOVERY_KEY);
    expect(out.fingerprint).toMatch(/^[0-9a-f]{40}$/);
  });

  it('takes the passphrase from a file, less one trailing newline only', () => {
    const file = path.join(dir, 'passphrase.txt');
    fs.writeFileSync(file, `${PASSPHRASE} \n\n`);
    expect(
      crossing(['init', vault, '--kdf', 'interactive', '--passphrase-file', file], { env: { CROSSING_NAME: NAME } })
        .status,
    ).toBe(0);
    expect(crossing(['check', vault], { env: withPassphrase() }).status).toBe(2);
    expect(crossing(['check', vault], { env: { CROSSING_PASSPHRASE: `${PASSPHRASE} \n` } }).status).toBe(0);
    expect(crossing(['check', vault, '--passphrase-file', file]).status).toBe(0);
  });

  it('refuses an existing file (exit 1) and leaves it untouched', () => {
    fs.writeFileSync(vault, 'precious');
    const before = sha256(vault);
    const result = crossing(['init', vault, '--kdf', 'interactive'], { env: withPassphrase() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already exists: Crossing never overwrites a file');
    expect(sha256(vault)).toBe(before);
  });

  it('creates again over what an init killed between reserving the name and placing the vault left', () => {
    // The empty reservation and the complete temp vault beside it (placeNewVault's two steps).
    const leftOver = () => {
      fs.writeFileSync(vault, '');
      fs.writeFileSync(`${vault}.Zz9.creating`, 'complete but never placed');
    };
    leftOver();
    const result = crossing(['init', vault, '--kdf', 'interactive', '--json'], { env: withPassphrase() });
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['new.crossing-vault']);
    expect(crossing(['check', vault], { env: withPassphrase() }).status).toBe(0);

    // demo creates a missing vault too: the same leftovers are a vault to make, not an empty file.
    const other = path.join(dir, 'demo.crossing-vault');
    vault = other;
    leftOver();
    const demo = crossing(['demo', other, '--cases', '2', '--seed', '1', '--kdf', 'interactive'], {
      env: withPassphrase(),
    });
    expect(demo.status, demo.stderr).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['demo.crossing-vault', 'new.crossing-vault']);
    expect(crossing(['check', other], { env: withPassphrase() }).status).toBe(0);
  });

  it('still refuses an empty file that no killed init left (exit 1)', () => {
    fs.writeFileSync(vault, '');
    const result = crossing(['init', vault, '--kdf', 'interactive'], { env: withPassphrase() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already exists: Crossing never overwrites a file');
  });

  it('refuses a short passphrase (exit 1), creating nothing', () => {
    const result = crossing(['init', vault, '--kdf', 'interactive'], {
      env: { CROSSING_PASSPHRASE: 'short', CROSSING_NAME: NAME },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('at least 12 characters');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder that does not exist (exit 1)', () => {
    const result = crossing(['init', path.join(dir, 'no', 'such', 'v')], { env: withPassphrase() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('does not exist');
  });

  it('exits 1 saying how to give the passphrase when there is no terminal', async () => {
    const result = await crossingWithoutTerminal(['init', vault, '--kdf', 'interactive'], {
      env: { CROSSING_NAME: NAME },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no terminal to ask for the new passphrase: .*CROSSING_PASSPHRASE/);
    expect(fs.existsSync(vault)).toBe(false);
  });
});

describe('crossing init --name and --post-quantum', () => {
  it('puts the name on the key card and makes a post-quantum identity when asked', () => {
    const { dir: folder, cleanup: done } = makeTempDir();
    try {
      const file = path.join(folder, 'named.crossing-vault');
      const created = crossing(['init', file, '--kdf', 'interactive', '--name', 'Амина (Берлин)', '--post-quantum'], {
        env: withPassphrase(),
      });
      expect(created.status, created.stderr).toBe(0);
      const card = crossing(['identity', file, '--json'], { env: withPassphrase() });
      expect(card.status, card.stderr).toBe(0);
      expect(card.stdout).toContain('Амина (Берлин)');
      expect(card.stdout).toMatch(/age1pq1/);
    } finally {
      done();
    }
  });

  it('refuses an empty name before asking for a passphrase', () => {
    const { dir: folder, cleanup: done } = makeTempDir();
    try {
      const result = crossing(['init', path.join(folder, 'v'), '--name', '   '], { env: withPassphrase() });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/--name must not be empty/);
      expect(fs.readdirSync(folder)).toEqual([]);
    } finally {
      done();
    }
  });
});

describe('crossing init: the name colleagues see', () => {
  const nameOf = (file: string) => {
    const card = crossing(['identity', file, '--json'], { env: withPassphrase() });
    expect(card.status, card.stderr).toBe(0);
    return (JSON.parse(card.stdout) as { displayName: string }).displayName;
  };

  it('refuses a vault with no name and no terminal to ask it on (exit 1), creating nothing', async () => {
    const envs: Record<string, string>[] = [
      { CROSSING_PASSPHRASE: PASSPHRASE },
      { ...withPassphrase(), CROSSING_NAME: '' },
    ];
    for (const env of envs) {
      const result = await crossingWithoutTerminal(['init', vault, '--kdf', 'interactive'], { env });
      expect(result.status).toBe(1);
      expectCleanError(result);
      expect(result.stderr).toContain(
        'name the person this vault belongs to with --name NAME (or CROSSING_NAME): colleagues see it on your key card',
      );
      expect(fs.readdirSync(dir)).toEqual([]);
    }
  });

  it('refuses before the passphrase is asked', async () => {
    const result = await crossingWithoutTerminal(['init', vault, '--kdf', 'interactive']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--name NAME');
    expect(result.stderr.split('\n')[0]).not.toMatch(/passphrase/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('takes the name from CROSSING_NAME, and --name over it', () => {
    const fromEnv = crossing(['init', vault, '--kdf', 'interactive'], {
      env: withPassphrase({ CROSSING_NAME: '  Зарема (Тбилиси) ' }),
    });
    expect(fromEnv.status, fromEnv.stderr).toBe(0);
    expect(nameOf(vault)).toBe('Зарема (Тбилиси)');

    const other = path.join(dir, 'other.crossing-vault');
    const fromOption = crossing(['init', other, '--kdf', 'interactive', '--name', 'Ilyas'], {
      env: withPassphrase({ CROSSING_NAME: 'Зарема' }),
    });
    expect(fromOption.status, fromOption.stderr).toBe(0);
    expect(nameOf(other)).toBe('Ilyas');
  });

  it('refuses a name that is no name, from --name or CROSSING_NAME, saying where it came from', () => {
    for (const [args, env, reason] of [
      [['--name', 'Tab\there'], {}, /--name must not hold control characters/],
      [['--name', ''], {}, /--name must not be empty/],
      [[], { CROSSING_NAME: 'Line\nbreak' }, /CROSSING_NAME must not hold control characters/],
      [[], { CROSSING_NAME: '   ' }, /CROSSING_NAME must not be empty/],
      [[], { CROSSING_NAME: 'x'.repeat(81) }, /CROSSING_NAME must be at most 80 characters/],
    ] as const) {
      const result = crossing(['init', vault, '--kdf', 'interactive', ...args], {
        env: { CROSSING_PASSPHRASE: PASSPHRASE, ...env },
      });
      expect(result.status, result.stderr).toBe(1);
      expectCleanError(result);
      expect(result.stderr).toMatch(reason);
      expect(fs.readdirSync(dir)).toEqual([]);
    }
  });
});

describe('crossing init: passphrase strength (issue 10, finding 7)', () => {
  it('refuses a long passphrase that is easy to guess, saying why, creating nothing', () => {
    const { dir: folder, cleanup: done } = makeTempDir();
    try {
      const file = path.join(folder, 'weak.crossing-vault');
      for (const weak of [' '.repeat(12), 'пароль пароль', 'qwertyuiop12', 'password1234']) {
        const result = crossing(['init', file, '--kdf', 'interactive'], {
          env: { CROSSING_PASSPHRASE: weak, CROSSING_NAME: NAME },
        });
        expect(result.status, weak).toBe(1);
        expect(result.stderr).toMatch(/the passphrase is too easy to guess.*: use four or more words/);
        expect(fs.readdirSync(folder)).toEqual([]);
      }
      const strong = crossing(['init', file, '--kdf', 'interactive'], {
        env: { CROSSING_PASSPHRASE: 'seven tired owls cross the river', CROSSING_NAME: NAME },
      });
      expect(strong.status, strong.stderr).toBe(0);
    } finally {
      done();
    }
  });
});
