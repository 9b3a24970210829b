import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../shared/testing/tempDir.js';
import { CROSSING_BIN, ROOT, crossing, initVault, withPassphrase } from './testing/runCrossing.js';

/**
 * Issue 10, finding 4: a failed write to stdout (a full disk, a closed pipe) printed a stack trace
 * and exited 1 after `init` had created the vault, so its recovery key was lost and `init` could
 * not be repeated. Now the key is printed before the vault is put in place, and a failed write is
 * exit 4 with one clear line.
 */
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

const env = { ...process.env, ...withPassphrase() };

function toDevFull(args: string[]) {
  const full = fs.openSync('/dev/full', 'w');
  try {
    const result = spawnSync(process.execPath, [CROSSING_BIN, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
    });
    return { status: result.status, stderr: result.stderr };
  } finally {
    fs.closeSync(full);
  }
}

/** Runs the command with stdout into a pipe whose reader has already gone. */
function toClosedPipe(args: string[]) {
  const errFile = path.join(dir, 'stderr.txt');
  const codeFile = path.join(dir, 'code.txt');
  const quoted = [process.execPath, CROSSING_BIN, ...args].map((a) => `'${a}'`).join(' ');
  spawnSync('bash', ['-c', `(${quoted} 2>'${errFile}'; echo $? >'${codeFile}') | true`], { cwd: ROOT, env });
  return { status: Number(fs.readFileSync(codeFile, 'utf8')), stderr: fs.readFileSync(errFile, 'utf8') };
}

const clean = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:|node:/);

describe('stdout that cannot be written', () => {
  it('init into a full disk: exit 4, no stack trace, and no vault without its recovery key', () => {
    const vault = path.join(dir, 'v.crossing-vault');
    for (const json of [[], ['--json']]) {
      const result = toDevFull(['init', vault, '--kdf', 'interactive', ...json]);
      expect(result.status, result.stderr).toBe(4);
      expect(result.stderr).toBe('crossing: the output could not be written: the disk is full (ENOSPC)\n');
      clean(result.stderr);
      expect(fs.readdirSync(dir)).toEqual([]);
    }
    // And init can simply be run again.
    expect(crossing(['init', vault, '--kdf', 'interactive'], { env: withPassphrase() }).status).toBe(0);
  });

  it('init into a closed pipe: exit 4 naming EPIPE, no vault', () => {
    const vault = path.join(dir, 'v.crossing-vault');
    const result = toClosedPipe(['init', vault, '--kdf', 'interactive']);
    expect(result.status, result.stderr).toBe(4);
    expect(result.stderr).toContain('the output was closed before everything was written (EPIPE)');
    clean(result.stderr);
    expect(fs.existsSync(vault)).toBe(false);
  });

  it('any command into a full disk or a closed pipe: exit 4, one clear line', () => {
    const vault = path.join(dir, 'v.crossing-vault');
    initVault(vault);
    const full = toDevFull(['stats', vault]);
    expect(full.status, full.stderr).toBe(4);
    expect(full.stderr).toContain('the disk is full (ENOSPC)');
    clean(full.stderr);
    const pipe = toClosedPipe(['identity', vault]);
    expect(pipe.status, pipe.stderr).toBe(4);
    clean(pipe.stderr);
  });
});
