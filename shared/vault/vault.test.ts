import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrossingError } from '../errors.js';
import { makeTempDir } from '../testing/tempDir.js';
import { Vault } from './vault.js';

const PASS = 'correct horse battery staple';
let dir: string;
let cleanup: () => void;
let file: string;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'test.crossing-vault');
});
afterEach(() => cleanup());

const sha256 = (p: string) => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');

async function makeVault(): Promise<{ recoveryKey: string; caseId: string }> {
  const { vault, recoveryKey } = await Vault.create(file, {
    passphrase: PASS,
    kdf: 'interactive',
    displayName: 'Test',
  });
  const c = vault.addCase({ alias: 'Ахмед', otherNames: ['Akhmed'], passport: 'confiscated', stage: 'shelter' });
  vault.addNote(c.id, 'moved to the second safe house');
  vault.lock();
  return { recoveryKey, caseId: c.id };
}

async function refusal(promise: Promise<unknown>): Promise<CrossingError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CrossingError);
    return error as CrossingError;
  }
  throw new Error('expected a refusal');
}

describe('creating and opening', () => {
  it('keeps cases across lock and reopen, with their history', async () => {
    const { caseId } = await makeVault();
    const vault = await Vault.open(file, { passphrase: PASS });
    const c = vault.getCase(caseId);
    expect(c.fields).toMatchObject({ alias: 'Ахмед', passport: 'confiscated', stage: 'shelter' });
    expect(c.notes.map((n) => n.text)).toEqual(['moved to the second safe house']);
    expect(vault.caseOps(caseId)).toHaveLength(2);
    vault.lock();
  });

  it('refuses to overwrite an existing file', async () => {
    fs.writeFileSync(file, 'precious');
    const error = await refusal(Vault.create(file, { passphrase: PASS, kdf: 'interactive', displayName: 'Test' }));
    expect(error.code).toBe('usage');
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });

  it('refuses a short passphrase and leaves no file behind', async () => {
    const error = await refusal(Vault.create(file, { passphrase: 'short', kdf: 'interactive', displayName: 'Test' }));
    expect(error.message).toMatch(/at least 12 characters/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('leaves only the vault file after create and lock', async () => {
    await makeVault();
    expect(fs.readdirSync(dir)).toEqual(['test.crossing-vault']);
  });

  it('opens with the recovery key, typed loosely', async () => {
    const { recoveryKey, caseId } = await makeVault();
    const vault = await Vault.open(file, { recoveryKey: ` ${recoveryKey.toLowerCase().replace(/-/g, ' ')} ` });
    expect(vault.getCase(caseId).fields.alias).toBe('Ахмед');
    vault.lock();
  });

  it('tells a mistyped recovery key from a wrong one', async () => {
    const { recoveryKey } = await makeVault();
    const typo = recoveryKey.slice(0, 3) + (recoveryKey[3] === 'A' ? 'B' : 'A') + recoveryKey.slice(4);
    expect((await refusal(Vault.open(file, { recoveryKey: typo }))).message).toMatch(/typo/);
    const other = makeTempDir();
    const { recoveryKey: foreign } = await Vault.create(path.join(other.dir, 'v'), {
      passphrase: PASS,
      kdf: 'interactive',
      displayName: 'Test',
    }).then(({ vault, recoveryKey }) => (vault.lock(), { recoveryKey }));
    other.cleanup();
    const error = await refusal(Vault.open(file, { recoveryKey: foreign }));
    expect(error.code).toBe('auth');
    expect(error.message).toMatch(/does not open this vault/);
  });
});

describe('refusals leave the file untouched', () => {
  it('a wrong passphrase is refused with nothing written', async () => {
    await makeVault();
    const before = sha256(file);
    const error = await refusal(Vault.open(file, { passphrase: 'not the passphrase' }));
    expect(error).toMatchObject({ code: 'auth', message: 'wrong passphrase' });
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['test.crossing-vault']);
  });

  it.each([
    ['random bytes', () => crypto.randomBytes(8192), /not a database file/],
    ['an empty file', () => Buffer.alloc(0), /the file is empty/],
    ['a text file', () => Buffer.from('Это не хранилище.\n'.repeat(300)), /not a database file/],
  ])('%s is not a vault', async (_name, content, message) => {
    fs.writeFileSync(file, content());
    const before = sha256(file);
    const error = await refusal(Vault.open(file, { passphrase: PASS }));
    expect(error.code).toBe('auth');
    expect(error.message).toMatch(message);
    expect(sha256(file)).toBe(before);
  });

  it('an SQLite database of another program is not a vault', async () => {
    const db = new Database(file);
    db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1)');
    db.close();
    const before = sha256(file);
    const error = await refusal(Vault.open(file, { passphrase: PASS }));
    expect(error).toMatchObject({ code: 'auth' });
    expect(error.message).toMatch(/not a Crossing vault/);
    expect(sha256(file)).toBe(before);
  });

  it('a truncated vault is refused as damaged', async () => {
    const { vault } = await Vault.create(file, { passphrase: PASS, kdf: 'interactive', displayName: 'Test' });
    vault.addCases(Array.from({ length: 400 }, (_, i) => ({ alias: `Случай ${i}`, location: 'x'.repeat(200) })));
    vault.lock();
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2));
    const before = sha256(file);
    const error = await refusal(Vault.open(file, { passphrase: PASS }));
    expect(error.code).toBe('rejected');
    expect(error.message).toMatch(/damaged/);
    expect(sha256(file)).toBe(before);
  });

  it('a flipped byte in a sealed row is refused, naming the row', async () => {
    await makeVault();
    const db = new Database(file);
    const row = db.prepare('SELECT id, sealed FROM op_segments LIMIT 1').get() as { id: Buffer; sealed: Buffer };
    row.sealed[40]! ^= 0x01;
    db.prepare('UPDATE op_segments SET sealed = ? WHERE id = ?').run(row.sealed, row.id);
    db.close();
    const before = sha256(file);
    const error = await refusal(Vault.open(file, { passphrase: PASS }));
    expect(error.code).toBe('rejected');
    expect(error.message).toContain(`op_segments/${row.id.toString('hex')}`);
    expect(sha256(file)).toBe(before);
  });

  it('a sealed row moved under another id is refused (the id is bound as associated data)', async () => {
    await makeVault();
    const db = new Database(file);
    const rows = db.prepare('SELECT id, sealed FROM op_segments').all() as Array<{ id: Buffer; sealed: Buffer }>;
    expect(rows.length).toBeGreaterThanOrEqual(2);
    db.prepare('UPDATE op_segments SET sealed = ? WHERE id = ?').run(rows[0]!.sealed, rows[1]!.id);
    db.close();
    expect((await refusal(Vault.open(file, { passphrase: PASS }))).code).toBe('rejected');
  });

  it('a deleted row is not silently skipped when it was the identity', async () => {
    await makeVault();
    const db = new Database(file);
    db.exec('DELETE FROM records');
    db.close();
    const error = await refusal(Vault.open(file, { passphrase: PASS }));
    expect(error.message).toMatch(/no identity record/);
  });

  it('a weakened KDF in the header is refused before any key is derived', async () => {
    await makeVault();
    const db = new Database(file);
    db.prepare('UPDATE vault_header SET kdf_ops = 1, kdf_mem = 8192').run();
    db.close();
    const error = await refusal(Vault.open(file, { passphrase: PASS }));
    expect(error.code).toBe('rejected');
    expect(error.message).toMatch(/key-derivation settings/);
  });

  it('a header swapped to another known KDF level does not open (the header is associated data)', async () => {
    await makeVault();
    const db = new Database(file);
    db.prepare("UPDATE vault_header SET kdf_level = 'moderate', kdf_ops = 3, kdf_mem = 268435456").run();
    db.close();
    expect((await refusal(Vault.open(file, { passphrase: PASS }))).code).toBe('auth');
  });

  it('a vault from a newer Crossing is refused, not guessed at', async () => {
    await makeVault();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const error = await refusal(Vault.open(file, { passphrase: PASS }));
    expect(error.message).toMatch(/newer version of Crossing/);
  });
});

describe('keys', () => {
  it('changes the passphrase without re-encrypting any record', async () => {
    const { caseId, recoveryKey } = await makeVault();
    const vault = await Vault.open(file, { passphrase: PASS });
    const db = new Database(file, { readonly: true });
    const before = db.prepare('SELECT id, sealed FROM op_segments ORDER BY id').all();
    db.close();
    vault.changePassphrase('a new and longer passphrase', 'interactive');
    vault.lock();
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT id, sealed FROM op_segments ORDER BY id').all()).toEqual(before);
    after.close();
    expect((await refusal(Vault.open(file, { passphrase: PASS }))).code).toBe('auth');
    const reopened = await Vault.open(file, { passphrase: 'a new and longer passphrase' });
    expect(reopened.getCase(caseId).fields.alias).toBe('Ахмед');
    reopened.lock();
    (await Vault.open(file, { recoveryKey })).lock();
  });

  it('is unusable after lock', async () => {
    await makeVault();
    const vault = await Vault.open(file, { passphrase: PASS });
    vault.lock();
    expect(() => vault.listCases()).toThrow(/locked/);
  });
});

describe('writes', () => {
  it('names the bad field of invalid input and writes nothing', async () => {
    const { vault } = await Vault.create(file, { passphrase: PASS, kdf: 'interactive', displayName: 'Test' });
    const before = vault.opCount;
    expect(() => vault.addCase({ alias: 'X', stage: 'nowhere' } as never)).toThrow(/stage/);
    expect(() => vault.addCase({ alias: 'X', refugeCountry: 'XX' })).toThrow(/refugeCountry: must be an ISO/);
    expect(() => vault.addCase({ alias: 'X', stage: 'closed' })).toThrow(/closedReason: is required/);
    expect(() => vault.addCase({ alias: '  ' })).toThrow(/alias: must not be empty/);
    expect(() => vault.addCase({ alias: 'X', surname: 'Y' } as never)).toThrow(/surname/);
    expect(vault.opCount).toBe(before);
    vault.lock();
  });

  it('writes nothing for a patch that changes nothing', async () => {
    const { vault } = await Vault.create(file, { passphrase: PASS, kdf: 'interactive', displayName: 'Test' });
    const c = vault.addCase({ alias: 'Хеда', stage: 'transit' });
    expect(vault.updateCase(c.id, { stage: 'transit' }).opsWritten).toBe(0);
    vault.lock();
  });

  it('merges many small segments into few when they pile up, losing nothing', async () => {
    const { vault } = await Vault.create(file, { passphrase: PASS, kdf: 'interactive', displayName: 'Test' });
    const c = vault.addCase({ alias: 'Хеда' });
    for (let i = 0; i < 80; i++) vault.addNote(c.id, `call ${i}`);
    vault.lock();
    const db = new Database(file, { readonly: true });
    const segments = (db.prepare('SELECT count(*) AS n FROM op_segments').get() as { n: number }).n;
    db.close();
    expect(segments).toBeLessThan(5);
    const reopened = await Vault.open(file, { passphrase: PASS });
    expect(reopened.getCase(c.id).notes).toHaveLength(80);
    expect(reopened.check().ops).toBe(81);
    reopened.lock();
  });

  it('finds a case by an id prefix, and refuses an ambiguous or short one', async () => {
    const { vault } = await Vault.create(file, { passphrase: PASS, kdf: 'interactive', displayName: 'Test' });
    const c = vault.addCase({ alias: 'Хеда' });
    expect(vault.resolveCaseId(c.id.slice(0, 6))).toBe(c.id);
    expect(() => vault.resolveCaseId('ab')).toThrow(/at least the first 4 characters/);
    expect(() => vault.resolveCaseId('zzzzzzzz')).toThrow(/no case/);
    vault.lock();
  });
});

describe('verifyPassphrase', () => {
  it('accepts the current passphrase and refuses any other, writing nothing', async () => {
    await makeVault();
    const vault = await Vault.open(file, { passphrase: PASS });
    expect(() => vault.verifyPassphrase(PASS)).not.toThrow();
    expect(() => vault.verifyPassphrase('not the passphrase')).toThrow(/current passphrase is wrong/);
    vault.lock();
  });
});
