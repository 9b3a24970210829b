import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrossingError } from '../errors.js';
import { makeTempDir } from '../testing/tempDir.js';
import { bucketCountFor, bucketOf } from './indexSnapshot.js';
import { Vault } from './vault.js';

const PASS = 'snapshot test passphrase';
let dir: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'snap.crossing-vault');
});
afterEach(() => cleanup());

type Rows = Array<{ id: Buffer; sealed: Buffer }>;
const snapshotRows = (): Rows => {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT id, sealed FROM index_snapshot').all() as Rows;
  db.close();
  return rows;
};
const putSnapshotRows = (rows: Rows) => {
  const db = new Database(file);
  db.exec('DELETE FROM index_snapshot');
  const insert = db.prepare('INSERT INTO index_snapshot (id, sealed) VALUES (?, ?)');
  for (const row of rows) insert.run(row.id, row.sealed);
  db.close();
};

const byId = (rows: Rows) => new Map(rows.map((row) => [row.id.toString('hex'), row.sealed.toString('hex')]));

/** What a person sees: every summary, every whole case, and a search, as a full fold gives them. */
async function view(): Promise<unknown> {
  const vault = await Vault.open(file, { passphrase: PASS });
  const cases = [...vault.allCases()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const result = {
    cases,
    whole: cases.map((c) => vault.getCase(c.id)),
    search: vault
      .listCases({ search: 'Ахмед' })
      .map((c) => c.id)
      .sort(),
    ops: vault.opCount,
  };
  vault.lock();
  return result;
}

/** The same view with the snapshot removed, so that every case is folded from its ops. */
async function fullView(): Promise<unknown> {
  const saved = snapshotRows();
  putSnapshotRows([]);
  const result = await view();
  putSnapshotRows(saved);
  return result;
}

async function seed(): Promise<string[]> {
  const { vault } = await Vault.create(file, { passphrase: PASS, kdf: 'interactive', displayName: 'Test' });
  const ids = vault.addCases(
    Array.from({ length: 40 }, (_, i) => ({ alias: i % 3 ? `Хеда ${i}` : `Ахмед ${i}`, otherNames: ['Akhmed'] })),
  );
  vault.updateCase(ids[0]!, { stage: 'shelter' });
  vault.addNote(ids[1]!, 'first call');
  vault.lock();
  return ids;
}

it('is written on lock and gives the same cases as folding every op', async () => {
  await seed();
  expect(snapshotRows().length).toBeGreaterThan(0);
  expect(await view()).toEqual(await fullView());
});

it('folds only what came after it, and still shows everything', async () => {
  const ids = await seed();
  const older = snapshotRows();
  const vault = await Vault.open(file, { passphrase: PASS });
  vault.updateCase(ids[2]!, { stage: 'transit', passport: 'issued' });
  vault.addCase({ alias: 'Ахмед новый' });
  vault.lock();
  putSnapshotRows(older); // as if the vault had stopped before writing the newer snapshot
  const seen = (await view()) as { cases: Array<{ id: string; fields: { stage: string } }> };
  expect(seen.cases).toHaveLength(41);
  expect(seen.cases.find((c) => c.id === ids[2])!.fields.stage).toBe('transit');
  expect(seen).toEqual(await fullView());
});

it('is ignored when a segment it names is gone, and rewritten', async () => {
  const ids = await seed();
  const older = snapshotRows();
  const vault = await Vault.open(file, { passphrase: PASS });
  for (let i = 0; i < 70; i++) vault.addNote(ids[3]!, `call ${i}`);
  vault.compact(); // replaces the small segments the older snapshot names
  vault.lock();
  putSnapshotRows(older);
  const seen = (await view()) as { whole: Array<{ id: string; notes: unknown[] }> };
  expect(seen.whole.find((c) => c.id === ids[3])!.notes).toHaveLength(70);
  expect(seen).toEqual(await fullView());
});

it('loses the purged person with the purge: their bucket is written again without them at once', async () => {
  const ids = await seed();
  const before = byId(snapshotRows());
  const vault = await Vault.open(file, { passphrase: PASS });
  vault.purgeCase(ids[0]!);
  const after = byId(snapshotRows());
  // Every bucket but the purged person's (and the header) is as it was.
  expect(after.size).toBe(before.size);
  expect([...after].filter(([id, sealed]) => before.get(id) !== sealed).length).toBeLessThanOrEqual(2);
  vault.lock({ quick: true }); // a panic right after: the snapshot is already whole
  expect(byId(snapshotRows())).toEqual(after);
  const seen = (await view()) as { cases: Array<{ id: string }> };
  expect(seen.cases.map((c) => c.id)).not.toContain(ids[0]);
  expect(seen).toEqual(await fullView());
});

it('refuses a tampered snapshot chunk, naming it, with the file untouched', async () => {
  await seed();
  const rows = snapshotRows();
  rows[0]!.sealed[30]! ^= 1;
  putSnapshotRows(rows);
  const error = await Vault.open(file, { passphrase: PASS }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CrossingError);
  expect((error as CrossingError).code).toBe('rejected');
  expect((error as CrossingError).message).toMatch(/index_snapshot\//);
});

it('is not written by a quick lock (a panic), and the next open folds from the ops', async () => {
  const ids = await seed();
  const before = snapshotRows();
  const vault = await Vault.open(file, { passphrase: PASS });
  vault.updateCase(ids[4]!, { risk: 'critical' });
  vault.lock({ quick: true });
  expect(snapshotRows()).toEqual(before);
  const seen = (await view()) as { cases: Array<{ id: string; fields: { risk: string } }> };
  expect(seen.cases.find((c) => c.id === ids[4])!.fields.risk).toBe('critical');
});

describe('written by buckets', () => {
  async function seedMany(count: number): Promise<string[]> {
    const { vault } = await Vault.create(file, { passphrase: PASS, kdf: 'interactive', displayName: 'Test' });
    const ids = vault.addCases(
      Array.from({ length: count }, (_, i) => ({ alias: i % 3 ? `Хеда ${i}` : `Ахмед ${i}`, otherNames: ['Akhmed'] })),
    );
    vault.lock();
    return ids;
  }

  it('a lock after a few edits writes again only the header and the buckets of the cases edited', async () => {
    const ids = await seedMany(3000);
    const before = byId(snapshotRows());
    expect(before.size).toBe(1 + bucketCountFor(3000));
    const vault = await Vault.open(file, { passphrase: PASS });
    const edited = [ids[5]!, ids[1500]!, ids[2999]!];
    for (const id of edited) vault.updateCase(id, { stage: 'transit' });
    vault.addNote(ids[5]!, 'second call');
    vault.lock();
    const after = byId(snapshotRows());
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const rewritten = [...after].filter(([id, sealed]) => before.get(id) !== sealed).length;
    const buckets = new Set(edited.map((id) => bucketOf(id, bucketCountFor(3000))));
    expect(rewritten).toBe(1 + buckets.size);
    expect(await view()).toEqual(await fullView());
  }, 60_000);

  it('after a purge, is written whole again with the person gone, and matches folding every op', async () => {
    const ids = await seedMany(600);
    const vault = await Vault.open(file, { passphrase: PASS });
    vault.purgeCase(ids[7]!);
    vault.updateCase(ids[8]!, { risk: 'critical' });
    for (let i = 0; i < 70; i++) vault.addNote(ids[9]!, `call ${i}`);
    vault.compact();
    vault.lock();
    const seen = (await view()) as { cases: Array<{ id: string }> };
    expect(seen.cases.map((c) => c.id)).not.toContain(ids[7]);
    expect(seen).toEqual(await fullView());
    // Edits after it, then a second ordinary lock: still the same as a full fold.
    const again = await Vault.open(file, { passphrase: PASS });
    again.updateCase(ids[10]!, { alias: 'Ахмед снова' });
    again.lock();
    expect(await view()).toEqual(await fullView());
  }, 60_000);

  it('is sealed by a bulk write itself, so a panic lock after it leaves a snapshot that covers it', async () => {
    const { vault } = await Vault.create(file, { passphrase: PASS, kdf: 'interactive', displayName: 'Test' });
    vault.addCases(Array.from({ length: 2500 }, (_, i) => ({ alias: `Хеда ${i}` })));
    const sealed = snapshotRows();
    expect(sealed.length).toBe(1 + bucketCountFor(2500));
    vault.lock({ quick: true });
    expect(byId(snapshotRows())).toEqual(byId(sealed));
    expect(await view()).toEqual(await fullView());
  }, 60_000);
});
