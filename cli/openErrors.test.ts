import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../shared/testing/tempDir.js';
import {
  addCase,
  crossing,
  expectCleanError,
  initVault,
  sha256,
  withPassphrase,
  type RunResult,
} from './testing/runCrossing.js';

/** Every way a vault can fail to open: the exit code, a message naming the problem, the file untouched. */
let dir: string;
let cleanup: () => void;
let vault: string;
let recoveryKey: string;
let caseId: string;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'cases.crossing-vault');
  recoveryKey = initVault(vault);
  caseId = addCase(vault, { alias: 'Зелимхан', stage: 'shelter' });
});
afterEach(() => cleanup());

/** Runs `case list` on the file and checks that not one byte of it changed and no file was left beside it. */
function listUntouched(file: string, env: Record<string, string> = withPassphrase()): RunResult {
  const before = sha256(file);
  const siblings = fs.readdirSync(dir).sort();
  const result = crossing(['case', 'list', file], { env });
  expect(sha256(file)).toBe(before);
  expect(fs.readdirSync(dir).sort()).toEqual(siblings);
  expectCleanError(result);
  expect(result.stdout).toBe('');
  return result;
}

describe('opening a vault', () => {
  it('refuses a wrong passphrase with exit 2, writing nothing', () => {
    const result = listUntouched(vault, { CROSSING_PASSPHRASE: 'not the passphrase at all' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('crossing: wrong passphrase\n');
  });

  it('refuses a wrong passphrase from a file, and writes nothing on a write command either', () => {
    const wrong = path.join(dir, 'wrong.txt');
    fs.writeFileSync(wrong, 'not the passphrase at all\n');
    const before = sha256(vault);
    const result = crossing(['case', 'note', vault, caseId, 'a note', '--passphrase-file', wrong]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('wrong passphrase');
    expect(sha256(vault)).toBe(before);
  });

  it('refuses a file of random bytes with exit 2', () => {
    const file = path.join(dir, 'random.bin');
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 251)));
    const result = listUntouched(file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not a Crossing vault: it is not a database file/);
  });

  it('refuses an empty file with exit 2', () => {
    const file = path.join(dir, 'empty');
    fs.writeFileSync(file, '');
    const result = listUntouched(file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not a Crossing vault: the file is empty/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('refuses an SQLite database that is not a vault with exit 2', () => {
    const file = path.join(dir, 'other.sqlite');
    const db = new Database(file);
    db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello');");
    db.close();
    const result = listUntouched(file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not a Crossing vault: it is a database of another kind/);
  });

  it('refuses a vault cut to half its size, naming the damage', () => {
    fs.truncateSync(vault, Math.floor(fs.statSync(vault).size / 2));
    const result = listUntouched(vault);
    expect([2, 3]).toContain(result.status);
    expect(result.stderr).toMatch(/damaged \(truncated or overwritten\)|not a Crossing vault/);
  });

  it('refuses a vault with one tampered row with exit 3, naming the row', () => {
    const db = new Database(vault);
    const row = db.prepare('SELECT id, sealed FROM op_segments LIMIT 1').get() as { id: Buffer; sealed: Buffer };
    row.sealed[Math.floor(row.sealed.length / 2)]! ^= 0x01;
    db.prepare('UPDATE op_segments SET sealed = ? WHERE id = ?').run(row.sealed, row.id);
    db.close();
    const result = listUntouched(vault);
    expect(result.status).toBe(3);
    // The manifest's tag of the row's sealed bytes no longer matches: refused before any row is opened.
    expect(result.stderr).toContain(`the vault file was altered: the row op_segments/${row.id.toString('hex')}`);
  });

  it('reports a vault from a newer version of Crossing as another failure (exit 4)', () => {
    const db = new Database(vault);
    db.prepare('UPDATE vault_header SET format_version = 99').run();
    db.close();
    const result = listUntouched(vault);
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('format 99, newer than this version of Crossing understands');
  });

  it('opens with the recovery key, from a file or the environment', () => {
    const keyFile = path.join(dir, 'recovery.txt');
    fs.writeFileSync(keyFile, `${recoveryKey}\n`);
    const fromFile = crossing(['case', 'list', vault, '--recovery-key-file', keyFile, '--json']);
    expect(fromFile.status).toBe(0);
    expect((JSON.parse(fromFile.stdout) as { id: string }[]).map((c) => c.id)).toEqual([caseId]);
    const fromEnv = crossing(['case', 'show', vault, caseId], { env: { CROSSING_RECOVERY_KEY: recoveryKey } });
    expect(fromEnv.status).toBe(0);
    expect(fromEnv.stdout).toContain('Зелимхан');
  });

  it('refuses a wrong or mistyped recovery key with exit 2, writing nothing', () => {
    const other = path.join(dir, 'other.crossing-vault');
    const otherKey = initVault(other);
    const wrong = listUntouched(vault, { CROSSING_RECOVERY_KEY: otherKey });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('this recovery key does not open this vault');
    const typo = listUntouched(vault, {
      CROSSING_RECOVERY_KEY: recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/recovery key/);
  });

  it('refuses both a passphrase file and a recovery key file', () => {
    const file = path.join(dir, 'secret.txt');
    fs.writeFileSync(file, 'x');
    const result = crossing(['case', 'list', vault, '--passphrase-file', file, '--recovery-key-file', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('give only one of --passphrase-file, --recovery-key-file or --recovery-share');
  });

  it('names a passphrase file it cannot read (exit 1)', () => {
    const result = crossing(['case', 'list', vault, '--passphrase-file', path.join(dir, 'missing.txt')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot read the passphrase file');
  });
});
