import crypto from 'node:crypto';
import { passphraseWrapAd, recoveryWrapAd, type VaultHeader } from './header.js';

/**
 * The manifest: integrity of the whole vault (the design notes, "Integrity of the whole vault"; for
 * readers, README, "Security: what the vault file reveals, and what it cannot detect").
 *
 * Per-row associated data stops a row being moved or swapped, not removed or rolled back. The
 * manifest names every row that should be in the file and the exact version of it: for each row,
 * its table, its id and a 128-bit tag, HMAC-SHA-256 under a sub-key of the vault key over the
 * table, the id and the row's sealed bytes. Every write seals a fresh nonce, so a row's tag is
 * its version: an older copy of the row put back has another tag. The header row (the key wraps,
 * the KDF settings) has an entry too, so an old header (an old passphrase) cannot be put back.
 *
 * It carries a counter that goes up by one with every write transaction. The manifest is one
 * sealed row written in the same transaction as the change it describes, so it is never behind.
 * At open and by `check`, the rows in the file are tagged again and compared with it: a missing,
 * added, changed or older row is named. What cannot be seen from inside: the whole file (manifest
 * included) put back to an earlier state. The counter is shown and travels in backups for that.
 *
 * Pure functions here; the Vault feeds them rows and writes the encoded manifest.
 */
export const MANIFEST_TABLE = 'manifest';
/**
 * Every table of sealed rows (id, sealed) but one. A table added later is added here. Left out:
 * `index_snapshot`, a cache that is used only when every segment it names is present (and those
 * are in the manifest) and is ignored otherwise; removing or replaying it changes no case. And
 * `file_chunks`: a file's content never changes, each chunk's associated data binds its file, its
 * position and whether it is the last, and its file's row (in `file_keys`, tracked) names their
 * number; tagging them would mean reading every file's content at every open. And `unlock_guard`
 * (shared/seizure/unlockGuard.ts): not sealed rows, and written by failed unlocks, which hold no key.
 */
export const TRACKED_TABLES = [
  'op_segments',
  'records',
  'contacts',
  'import_log',
  'sender_sequences',
  'tombstones',
  'file_keys',
] as const;
const HEADER = 'vault_header';
const TABLE_CODES: readonly string[] = [HEADER, ...TRACKED_TABLES];
export const HEADER_KEY = `${HEADER}/01`;
const TAG_BYTES = 16;
const MAGIC = 'CRSM';
const FORMAT = 1;

/** Row key → tag. Keys are `table/idhex`. */
export type Entries = Map<string, Buffer>;

export interface ManifestState {
  counter: number;
  entries: Entries;
}

export const entryKey = (table: string, id: Uint8Array) => `${table}/${Buffer.from(id).toString('hex')}`;

export function rowTag(key: Uint8Array, table: string, id: Uint8Array, sealed: Uint8Array): Buffer {
  return crypto
    .createHmac('sha256', key)
    .update(`${table}\n`)
    .update(id)
    .update('\n')
    .update(sealed)
    .digest()
    .subarray(0, TAG_BYTES);
}

/** The header's tag: everything that decides how the vault key is unwrapped. */
export function headerTag(key: Uint8Array, header: VaultHeader): Buffer {
  return crypto
    .createHmac('sha256', key)
    .update(`${HEADER}\n`)
    .update(passphraseWrapAd(header))
    .update(header.passphraseWrap)
    .update(recoveryWrapAd(header))
    .update(header.recoveryWrap)
    .digest()
    .subarray(0, TAG_BYTES);
}

/** Binary: magic, format, counter, count, then per row: table code, id length, id, tag. */
export function encodeManifest(state: ManifestState): Uint8Array {
  const rows = [...state.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: Buffer[] = [];
  const head = Buffer.alloc(4 + 1 + 8 + 4);
  head.write(MAGIC, 0, 'ascii');
  head.writeUInt8(FORMAT, 4);
  head.writeBigUInt64BE(BigInt(state.counter), 5);
  head.writeUInt32BE(rows.length, 13);
  parts.push(head);
  for (const [key, tag] of rows) {
    const slash = key.indexOf('/');
    const code = TABLE_CODES.indexOf(key.slice(0, slash));
    const id = Buffer.from(key.slice(slash + 1), 'hex');
    if (code < 0 || id.length > 255) throw new Error(`cannot encode manifest entry ${key}`);
    parts.push(Buffer.from([code, id.length]), id, tag);
  }
  return Buffer.concat(parts);
}

export function decodeManifest(bytes: Uint8Array): ManifestState {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 17 || buf.toString('ascii', 0, 4) !== MAGIC || buf.readUInt8(4) !== FORMAT) {
    throw new Error('not a manifest of a known format');
  }
  const counter = Number(buf.readBigUInt64BE(5));
  const count = buf.readUInt32BE(13);
  const entries: Entries = new Map();
  let at = 17;
  for (let n = 0; n < count; n++) {
    const table = TABLE_CODES[buf.readUInt8(at)];
    const idLength = buf.readUInt8(at + 1);
    if (table === undefined || at + 2 + idLength + TAG_BYTES > buf.length) throw new Error('a manifest entry is cut');
    const id = buf.subarray(at + 2, at + 2 + idLength);
    entries.set(entryKey(table, id), Buffer.from(buf.subarray(at + 2 + idLength, at + 2 + idLength + TAG_BYTES)));
    at += 2 + idLength + TAG_BYTES;
  }
  if (at !== buf.length) throw new Error('a manifest has bytes after its entries');
  return { counter, entries };
}

export interface Discrepancy {
  kind: 'missing' | 'added' | 'changed';
  /** `table/idhex`. */
  row: string;
}

/** What differs between the rows the manifest names and the rows in the file, in a fixed order. */
export function compareEntries(expected: Entries, actual: Entries): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const [row, tag] of expected) {
    const found = actual.get(row);
    if (!found) out.push({ kind: 'missing', row });
    else if (!found.equals(tag)) out.push({ kind: 'changed', row });
  }
  for (const row of actual.keys()) if (!expected.has(row)) out.push({ kind: 'added', row });
  const order = { missing: 0, changed: 1, added: 2 };
  return out.sort((a, b) => order[a.kind] - order[b.kind] || (a.row < b.row ? -1 : a.row > b.row ? 1 : 0));
}

/** In words, naming the first few rows: "the row op_segments/ab… is missing; …; and 3 more". */
export function describeDiscrepancies(found: readonly Discrepancy[], limit = 3): string {
  const words = {
    missing: 'is missing (removed)',
    changed: 'is not the version last written (an older copy put back, or altered)',
    added: 'was added by something other than Crossing',
  };
  const named = found.slice(0, limit).map((d) => `the row ${d.row} ${words[d.kind]}`);
  const more = found.length > limit ? `; and ${found.length - limit} more` : '';
  return `${named.join('; ')}${more}`;
}
