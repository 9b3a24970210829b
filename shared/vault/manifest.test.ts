import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import { compareEntries, decodeManifest, describeDiscrepancies, encodeManifest, type Entries } from './manifest.js';
import { Vault } from './vault.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

const tag = (n: number) => Buffer.alloc(16, n);

describe('manifest encoding and comparison', () => {
  it('round-trips any set of rows and counter', () => {
    const table = fc.constantFrom('op_segments', 'records', 'contacts', 'import_log', 'sender_sequences', 'tombstones');
    const entry = fc.tuple(
      table,
      fc.uint8Array({ minLength: 1, maxLength: 32 }),
      fc.uint8Array({ minLength: 16, maxLength: 16 }),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.nat(), (rows, counter) => {
        const entries: Entries = new Map(
          rows.map(([t, id, g]) => [`${t}/${Buffer.from(id).toString('hex')}`, Buffer.from(g)]),
        );
        const decoded = decodeManifest(encodeManifest({ counter, entries }));
        expect(decoded.counter).toBe(counter);
        expect(decoded.entries).toEqual(entries);
      }),
    );
  });

  it('refuses a cut or padded manifest', () => {
    const bytes = encodeManifest({ counter: 3, entries: new Map([['records/0a', tag(1)]]) });
    expect(() => decodeManifest(bytes.subarray(0, bytes.length - 1))).toThrow(/cut/);
    expect(() => decodeManifest(Buffer.concat([bytes, Buffer.from([0])]))).toThrow(/after its entries/);
  });

  it('names missing, changed and added rows, in that order', () => {
    const expected: Entries = new Map([
      ['op_segments/01', tag(1)],
      ['contacts/02', tag(2)],
    ]);
    const actual: Entries = new Map([
      ['contacts/02', tag(9)],
      ['records/03', tag(3)],
    ]);
    const found = compareEntries(expected, actual);
    expect(found).toEqual([
      { kind: 'missing', row: 'op_segments/01' },
      { kind: 'changed', row: 'contacts/02' },
      { kind: 'added', row: 'records/03' },
    ]);
    expect(describeDiscrepancies(found, 2)).toBe(
      'the row op_segments/01 is missing (removed); the row contacts/02 is not the version last written (an older copy put back, or altered); and 1 more',
    );
    expect(compareEntries(expected, new Map(expected))).toEqual([]);
  });
});

describe('a vault from before manifests', () => {
  it('gets one at its first writable open, and is guarded from then on', async () => {
    const copy = path.join(dir, 'v1.crossing-vault');
    fs.copyFileSync(path.join(here, 'fixtures', 'v1.crossing-vault'), copy);
    const passphrase = 'fixture passphrase — не секрет';
    const reader = await Vault.open(copy, { passphrase }, { readOnly: true });
    expect(reader.counter).toBeNull(); // not migrated by a reader
    reader.lock();
    const vault = await Vault.open(copy, { passphrase });
    // 1 for the first manifest, 2 for the decoys added at the same open (see decoys.ts), 3 for its
    // segments written again compressed (format 2).
    expect(vault.counter).toBe(3);
    expect(vault.check().counter).toBe(3);
    vault.lock();

    const db = new Database(copy);
    const first = db.prepare('SELECT id FROM op_segments LIMIT 1').get() as { id: Buffer };
    db.prepare('DELETE FROM op_segments WHERE id = ?').run(first.id);
    db.close();
    await expect(Vault.open(copy, { passphrase })).rejects.toThrow(/is missing \(removed\)/);
    const rescue = await Vault.open(copy, { passphrase }, { rescue: true });
    expect(rescue.tampering).toMatch(/op_segments/);
    expect(rescue.isReadOnly).toBe(true);
    expect(() => rescue.addCase({ alias: 'x' })).toThrow(/open for reading only, to rescue/);
    rescue.lock();
  });
});
