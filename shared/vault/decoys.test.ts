import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listContacts } from '../exchange/contacts.js';
import { introduce, makeVault } from '../exchange/testing/fixtures.js';
import { listTombstones } from '../exchange/tombstones.js';
import { makeTempDir } from '../testing/tempDir.js';
import { bucketFor, fixedSizeJson } from './decoys.js';

/**
 * Issue 10, finding 7: the file told its number of contacts, tombstones (purges), imports and
 * senders without the key. Now each of those tables shows only a bucket (8, 16, 32 …) of rows, all
 * of one sealed size.
 */
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

const TABLES = ['contacts', 'tombstones', 'import_log', 'sender_sequences'] as const;

/** What someone with the file and no key sees of each table: its row count and its row sizes. */
function visible(file: string): Record<(typeof TABLES)[number], { rows: number; sizes: number[] }> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((table) => {
        const sizes = (db.prepare(`SELECT length(sealed) AS n FROM ${table}`).all() as Array<{ n: number }>).map(
          (r) => r.n,
        );
        return [table, { rows: sizes.length, sizes: [...new Set(sizes)] }];
      }),
    ) as Record<(typeof TABLES)[number], { rows: number; sizes: number[] }>;
  } finally {
    db.close();
  }
}

describe('hidden row counts', () => {
  it('buckets', () => {
    expect([0, 1, 8, 9, 16, 17, 100].map(bucketFor)).toEqual([8, 8, 8, 16, 16, 32, 128]);
    expect(JSON.parse(fixedSizeJson('tombstones', '{"a":1}'))).toEqual({ a: 1 });
    expect(fixedSizeJson('tombstones', '{"a":1}')).toHaveLength(128);
  });

  it('a vault with no contact and one with a contact and nine purges look alike but for the buckets', async () => {
    const empty = await makeVault(dir, 'empty');
    const emptyFile = empty.path;
    empty.lock();
    const before = visible(emptyFile);
    for (const table of TABLES) expect(before[table]).toMatchObject({ rows: 8 });

    const hub = await makeVault(dir, 'hub');
    const peer = await makeVault(dir, 'peer');
    introduce(hub, peer);
    const ids = hub.addCases(Array.from({ length: 9 }, (_, i) => ({ alias: `case ${i}` })));
    hub.purgeCase(ids[0]!);
    const file = hub.path;
    expect(visible(file).contacts).toEqual(before.contacts); // one contact: 8 rows, one size, like none
    expect(visible(file).tombstones).toEqual(before.tombstones);
    for (const id of ids.slice(1)) hub.purgeCase(id);
    expect(listContacts(hub)).toHaveLength(1);
    expect(listTombstones(hub)).toHaveLength(9);
    expect(hub.check().counter).toBeGreaterThan(1);
    hub.lock();
    peer.lock();
    const after = visible(file);
    expect(after.tombstones).toEqual({ rows: 16, sizes: before.tombstones.sizes });
    expect(after.contacts.sizes).toHaveLength(1);
  });
});
