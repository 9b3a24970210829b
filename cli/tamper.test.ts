import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../shared/testing/tempDir.js';
import { addCase, crossing, expectCleanError, initVault, withPassphrase } from './testing/runCrossing.js';

/**
 * Issue 10, finding 1: rows could be removed or rolled back without the key, unnoticed — deleting
 * one op_segments row with the sqlite3 shell made a note disappear, and an older sealed contacts
 * row put back turned a verified contact unverified; `crossing check` still said ok. The sealed
 * manifest names every row and its version: `check` and every open now refuse (exit 3), naming the
 * row, and `backup --rescue` still saves what is left.
 */
let dir: string;
let cleanup: () => void;
let vault: string;
const env = withPassphrase();
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'v.crossing-vault');
  initVault(vault);
});
afterEach(() => cleanup());

const ok = (args: string[], input?: string) => {
  const result = crossing(args, { env, input });
  expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
};

function rows(table: string): Array<{ id: Buffer; sealed: Buffer }> {
  const db = new Database(vault, { readonly: true });
  try {
    return db.prepare(`SELECT id, sealed FROM ${table}`).all() as Array<{ id: Buffer; sealed: Buffer }>;
  } finally {
    db.close();
  }
}

function sql(statement: string, ...params: unknown[]): void {
  const db = new Database(vault);
  try {
    db.prepare(statement).run(...params);
  } finally {
    db.close();
  }
}

function refused(args: string[], row: RegExp) {
  const result = crossing(args, { env });
  expect(result.status, result.stderr).toBe(3);
  expectCleanError(result);
  expect(result.stderr).toMatch(/the vault file was altered: /);
  expect(result.stderr).toMatch(row);
  return result;
}

describe('the manifest', () => {
  it('names a deleted op segment: the note does not silently disappear', () => {
    const id = addCase(vault, { alias: 'Ахмед' });
    const before = new Set(rows('op_segments').map((r) => r.id.toString('hex')));
    ok(['case', 'note', vault, id, 'moved to the second safe house']);
    const noteRow = rows('op_segments').find((r) => !before.has(r.id.toString('hex')))!;
    sql('DELETE FROM op_segments WHERE id = ?', noteRow.id);

    const missing = new RegExp(`op_segments/${noteRow.id.toString('hex')} is missing`);
    refused(['check', vault], missing);
    const list = refused(['case', 'list', vault], missing);
    expect(list.stderr).toContain(`crossing backup ${vault} --out FILE --rescue`);
    refused(['case', 'note', vault, id, 'another'], missing);

    // Rescue: what is left is saved, read-only; nothing is written to the altered vault.
    const backup = path.join(dir, 'rescue.crossing');
    const rescue = crossing(['backup', vault, '--out', backup, '--rescue'], { env });
    expect(rescue.status, rescue.stderr).toBe(0);
    expect(rescue.stderr).toContain('opened for reading only, to rescue its cases');
    expect(rescue.stdout).toMatch(/backup of 1 case\(s\)/);
    expect(fs.existsSync(backup)).toBe(true);
    refused(['check', vault], missing);
  });

  it('names a contact row put back in an older version (verified back to unverified)', () => {
    const other = path.join(dir, 'other.crossing-vault');
    initVault(other);
    const card = path.join(dir, 'other.card');
    fs.writeFileSync(card, ok(['identity', other]));
    ok(['contact', 'add', vault, card, '--name', 'Amina']);
    const before = rows('contacts');
    ok(['contact', 'verify', vault, 'Amina']);
    // The contact's row is the one that changed (the others are decoys hiding how many there are).
    const after = new Map(rows('contacts').map((r) => [r.id.toString('hex'), r.sealed]));
    const unverified = before.find((r) => !after.get(r.id.toString('hex'))!.equals(r.sealed))!;
    expect(ok(['contact', 'list', vault])).toContain('verified');
    sql('UPDATE contacts SET sealed = ? WHERE id = ?', unverified.sealed, unverified.id);

    refused(['check', vault], new RegExp(`contacts/${unverified.id.toString('hex')} is not the version last written`));
    refused(['contact', 'list', vault], /contacts\//);
  });

  it('names a header put back: an old passphrase does not come back unnoticed', () => {
    addCase(vault, { alias: 'Luiza' });
    const db = new Database(vault, { readonly: true });
    const old = db.prepare('SELECT salt, passphrase_wrap FROM vault_header').get() as {
      salt: Buffer;
      passphrase_wrap: Buffer;
    };
    db.close();
    const newPassphrase = 'a new and much longer passphrase';
    const changed = crossing(['passwd', vault], { env: { ...env, CROSSING_NEW_PASSPHRASE: newPassphrase } });
    expect(changed.status, changed.stderr).toBe(0);
    sql('UPDATE vault_header SET salt = ?, passphrase_wrap = ?', old.salt, old.passphrase_wrap);
    // The old passphrase unwraps the key again, but the manifest knows the header it last wrote.
    refused(['check', vault], /vault_header\/01 is not the version last written/);
  });

  it('counts every change, and says the number in check and backup', () => {
    const first = JSON.parse(ok(['check', vault, '--json'])) as { counter: number };
    addCase(vault, { alias: 'Ислам' });
    const second = JSON.parse(ok(['check', vault, '--json'])) as { counter: number };
    expect(second.counter).toBeGreaterThan(first.counter);
    expect(ok(['check', vault])).toContain(`change number ${second.counter}`);
    const backup = JSON.parse(ok(['backup', vault, '--out', path.join(dir, 'b.crossing'), '--json'])) as {
      vaultCounter: number;
    };
    expect(backup.vaultCounter).toBeGreaterThanOrEqual(second.counter);

    sql('DELETE FROM manifest');
    refused(['check', vault], /its manifest is missing/);
  });
});
