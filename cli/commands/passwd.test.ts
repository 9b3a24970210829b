import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseState } from '../../shared/oplog/fold.js';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { PASSPHRASE, addCase, crossing, initVault, sha256, withPassphrase } from '../testing/runCrossing.js';

let dir: string;
let cleanup: () => void;
let vault: string;
let recoveryKey: string;
let caseId: string;
const NEW = 'a new and longer passphrase';

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'cases.crossing-vault');
  recoveryKey = initVault(vault);
  caseId = addCase(vault, { alias: 'Хава', stage: 'exit' });
});
afterEach(() => cleanup());

const kdfLevel = () => {
  const db = new Database(vault, { readonly: true });
  const row = db.prepare('SELECT kdf_level FROM vault_header').get() as { kdf_level: string };
  db.close();
  return row.kdf_level;
};

describe('crossing passwd', () => {
  it('changes the passphrase: the old one fails, the new one works, cases are intact', () => {
    const result = crossing(['passwd', vault], { env: withPassphrase({ CROSSING_NEW_PASSPHRASE: NEW }) });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toContain(NEW);
    const old = crossing(['case', 'list', vault], { env: withPassphrase() });
    expect(old.status).toBe(2);
    const now = crossing(['case', 'list', vault, '--json'], { env: { CROSSING_PASSPHRASE: NEW } });
    expect(now.status).toBe(0);
    const cases = JSON.parse(now.stdout) as CaseState[];
    expect(cases.map((c) => [c.id, c.fields.alias, c.fields.stage])).toEqual([[caseId, 'Хава', 'exit']]);
    // The recovery key still opens it: only the passphrase wrap changed.
    expect(crossing(['check', vault], { env: { CROSSING_RECOVERY_KEY: recoveryKey } }).status).toBe(0);
  });

  it('sets a new passphrase after unlocking with the recovery key, from files, at another KDF level', () => {
    const keyFile = path.join(dir, 'recovery.txt');
    const newFile = path.join(dir, 'new.txt');
    fs.writeFileSync(keyFile, recoveryKey);
    fs.writeFileSync(newFile, `${NEW}\n`);
    const args = ['passwd', vault, '--recovery-key-file', keyFile, '--new-passphrase-file', newFile];
    const result = crossing([...args, '--kdf', 'moderate']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('moderate');
    expect(kdfLevel()).toBe('moderate');
    expect(crossing(['check', vault], { env: { CROSSING_PASSPHRASE: NEW } }).status).toBe(0);
  });

  it('changes nothing with a wrong current passphrase (exit 2) or a short new one (exit 1)', () => {
    const before = sha256(vault);
    const wrong = crossing(['passwd', vault], {
      env: { CROSSING_PASSPHRASE: 'wrong passphrase here', CROSSING_NEW_PASSPHRASE: NEW },
    });
    expect(wrong.status).toBe(2);
    const short = crossing(['passwd', vault], { env: withPassphrase({ CROSSING_NEW_PASSPHRASE: 'short' }) });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
    expect(sha256(vault)).toBe(before);
    expect(crossing(['check', vault], { env: { CROSSING_PASSPHRASE: PASSPHRASE } }).status).toBe(0);
  });
});
