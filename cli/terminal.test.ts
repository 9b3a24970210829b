import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../shared/testing/tempDir.js';
import { CROSSING_BIN, NAME, PASSPHRASE, crossing, initVault, withPassphrase } from './testing/runCrossing.js';

/**
 * The terminal side: hidden passphrase prompts and progress lines. Needs a pseudo-terminal, made
 * with Python's pty module; skipped where python3 is missing.
 */
const hasPython = spawnSync('python3', ['--version']).status === 0;
const PTY_SCRIPT = path.join(path.dirname(CROSSING_BIN), '..', 'cli', 'testing', 'onPseudoTerminal.py');

let dir: string;
let cleanup: () => void;
let vault: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'cases.crossing-vault');
});
afterEach(() => cleanup());

function onTerminal(args: string[], answers: [string, string][], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CROSSING_')));
  const result = spawnSync(
    'python3',
    [PTY_SCRIPT, JSON.stringify([process.execPath, CROSSING_BIN, ...args]), JSON.stringify(answers)],
    { env: { ...clean, ...env }, encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`pty driver failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { status: number; output: string };
}

describe.skipIf(!hasPython)('on a terminal', () => {
  it('asks for a new passphrase twice without echoing it', () => {
    const typed = 'пароль с пробелами 123';
    const result = onTerminal(
      ['init', vault, '--kdf', 'interactive'],
      [
        ['New passphrase: ', `${typed}\r`],
        ['Repeat the new passphrase: ', `${typed}\r`],
      ],
      { CROSSING_NAME: NAME },
    );
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toContain(typed);
    expect(result.output).toContain('Recovery key');
    expect(crossing(['check', vault], { env: { CROSSING_PASSPHRASE: typed } }).status).toBe(0);
  });

  it('asks a new vault for its name first, shown as typed, and puts it on the key card', () => {
    const question = 'Your name, as colleagues will see it on your key card: ';
    const result = onTerminal(
      ['init', vault, '--kdf', 'interactive'],
      [
        [question, '\r'], // nothing typed: asked again
        [`The name must not be empty.\r\n${question}`, 'Амина Бx\u007fерлин\r'],
        ['New passphrase: ', `${PASSPHRASE}\r`],
        ['Repeat the new passphrase: ', `${PASSPHRASE}\r`],
      ],
    );
    expect(result.status, result.output).toBe(0);
    expect(result.output.indexOf(question)).toBeLessThan(result.output.indexOf('New passphrase: '));
    expect(result.output).toContain('Амина Бx\b \bерлин');
    expect(result.output).not.toContain(PASSPHRASE);
    const card = crossing(['identity', vault, '--json'], { env: withPassphrase() });
    expect((JSON.parse(card.stdout) as { displayName: string }).displayName).toBe('Амина Берлин');
  });

  it('refuses after three answers that are no name, creating nothing', () => {
    const question = 'Your name, as colleagues will see it on your key card: ';
    const result = onTerminal(
      ['init', vault, '--kdf', 'interactive'],
      [
        [question, '   \r'],
        [question, '\r'],
        [question, '\r'],
      ],
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain('crossing: the name must not be empty (asked 3 times): nothing was created');
    expect(result.output).not.toContain('New passphrase: ');
    expect(fs.existsSync(vault)).toBe(false);
  });

  it('refuses two different passphrases (exit 1), creating nothing', () => {
    const result = onTerminal(
      ['init', vault, '--kdf', 'interactive'],
      [
        ['New passphrase: ', 'first passphrase here\r'],
        ['Repeat the new passphrase: ', 'second passphrase here\r'],
      ],
      { CROSSING_NAME: NAME },
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain('the two passphrases differ');
    expect(fs.existsSync(vault)).toBe(false);
  });

  it('unlocks with a typed passphrase, honouring backspace, and says so when it is wrong', () => {
    initVault(vault);
    const typo = `${PASSPHRASE}x\u007f\r`;
    const good = onTerminal(['case', 'list', vault], [['Passphrase: ', typo]]);
    expect(good.status, good.output).toBe(0);
    expect(good.output).not.toContain(PASSPHRASE);
    const wrong = onTerminal(['case', 'list', vault], [['Passphrase: ', 'a wrong passphrase\r']]);
    expect(wrong.status).toBe(2);
    expect(wrong.output).toContain('crossing: wrong passphrase');
    const cancelled = onTerminal(['case', 'list', vault], [['Passphrase: ', '\u0003']]);
    expect(cancelled.status).toBe(1);
    expect(cancelled.output).toContain('crossing: cancelled');
  });

  it('shows progress for long work', () => {
    const env = withPassphrase();
    const demo = onTerminal(['demo', vault, '--cases', '2000', '--kdf', 'interactive'], [], env);
    expect(demo.status, demo.output).toBe(0);
    expect(demo.output).toMatch(/\r\x1b\[Kwriting \d+\/\d+ ops/);
    const check = onTerminal(['check', vault], [], env);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toMatch(/\r\x1b\[Kchecking \d+\/\d+ segments/);
    expect(check.output).toMatch(/ok: \d+ segments/);
  });
});
