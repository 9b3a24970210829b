import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { KEY_BYTES, wipe } from '../crypto/aead.js';
import { randomBytes } from '../crypto/random.js';
import { rejectedError } from '../errors.js';
import { openRow, recordId, sealRow } from '../vault/sealedRows.js';
import { CHUNK_BYTES, openChunk, sealChunk } from './chunks.js';

/**
 * Evidence content in the vault file. One `file_keys` row per file, sealed under the vault's files
 * sub-key: the file's own random key, its case, its size, chunk count and SHA-256. Its chunks in
 * `file_chunks`, each sealed under that key (see chunks.ts). Both under a keyed hash of the file id,
 * so the file shows neither ids nor which case a file belongs to. Every function here runs inside
 * the caller's transaction: a failure leaves no row behind.
 */
export interface EvidenceKeys {
  /** Seals the file_keys rows (the vault's files sub-key). */
  files: Uint8Array;
  /** Keyed hashes for row ids. */
  names: Uint8Array;
}

const fileRowSchema = z.strictObject({
  fileId: z.string(),
  caseId: z.string(),
  key: z.string(),
  size: z.number().int().min(1),
  chunks: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileRow = z.output<typeof fileRowSchema>;

export function fileRowId(keys: EvidenceKeys, fileId: string): Uint8Array {
  return recordId(keys.names, `file\u0000${fileId}`);
}

/** Seals chunks as they come and writes them; returns the file's row, written last. */
export function writeFileContent(
  db: Database.Database,
  keys: EvidenceKeys,
  fileId: string,
  caseId: string,
  chunks: Iterable<Uint8Array>,
): FileRow {
  const id = fileRowId(keys, fileId);
  const key = randomBytes(KEY_BYTES);
  const insert = db.prepare('INSERT INTO file_chunks (file, n, sealed) VALUES (?, ?, ?)');
  const hash = crypto.createHash('sha256');
  let size = 0;
  let n = 0;
  // One chunk behind: a chunk is sealed only when we know whether it is the last.
  let pending: Uint8Array | null = null;
  try {
    for (const chunk of chunks) {
      if (chunk.length === 0) continue;
      if (pending) insert.run(id, n, sealChunk(key, fileId, n++, false, pending));
      hash.update(chunk);
      size += chunk.length;
      pending = chunk;
    }
    if (!pending) throw rejectedError('the file is empty: there is nothing to keep', 'fileEmpty', { name: fileId });
    insert.run(id, n, sealChunk(key, fileId, n++, true, pending));
    const row: FileRow = {
      fileId,
      caseId,
      key: Buffer.from(key).toString('base64'),
      size,
      chunks: n,
      sha256: hash.digest('hex'),
    };
    db.prepare('INSERT INTO file_keys (id, sealed) VALUES (?, ?)').run(
      id,
      sealRow(keys.files, 'file_keys', id, new TextEncoder().encode(JSON.stringify(row))),
    );
    return row;
  } finally {
    wipe(key);
  }
}

/** The file's row, or null when its content is not in this vault (received without it, or removed). */
export function readFileRow(db: Database.Database, keys: EvidenceKeys, fileId: string): FileRow | null {
  const id = fileRowId(keys, fileId);
  const row = db.prepare('SELECT sealed FROM file_keys WHERE id = ?').get(id) as { sealed: Buffer } | undefined;
  if (!row) return null;
  return decodeFileRow(openRow(keys.files, 'file_keys', id, row.sealed), fileId);
}

function decodeFileRow(plain: Uint8Array, fileId: string): FileRow {
  const parsed = fileRowSchema.safeParse(JSON.parse(new TextDecoder().decode(plain)));
  if (!parsed.success || parsed.data.fileId !== fileId) {
    throw rejectedError(
      `the vault's record of file ${fileId} is not valid: the vault file was altered`,
      'vaultAltered',
    );
  }
  return parsed.data;
}

/**
 * The content, chunk by chunk, each authenticated before it is given out; at the end, the count
 * and the SHA-256 are checked. A caller writing chunks somewhere must drop what it wrote when this
 * throws: a chunk missing, moved, swapped or cut refuses the file from that point on.
 */
export function* readFileContent(
  db: Database.Database,
  keys: EvidenceKeys,
  fileId: string,
  expectedSha256?: string,
): Generator<Uint8Array> {
  const row = readFileRow(db, keys, fileId);
  if (!row) throw rejectedError(`the content of file ${fileId} is not in this vault`, 'fileNotHeld');
  const id = fileRowId(keys, fileId);
  const key = Buffer.from(row.key, 'base64');
  const damaged = (what: string) =>
    rejectedError(
      `file ${fileId} is damaged in the vault (${what}): the vault file was altered; restore a backup`,
      'vaultAltered',
    );
  try {
    const stored = (db.prepare('SELECT count(*) AS n FROM file_chunks WHERE file = ?').get(id) as { n: number }).n;
    if (stored !== row.chunks) throw damaged(`it has ${stored} chunks, not ${row.chunks}`);
    const select = db.prepare('SELECT sealed FROM file_chunks WHERE file = ? AND n = ?');
    const hash = crypto.createHash('sha256');
    let size = 0;
    for (let n = 0; n < row.chunks; n++) {
      const chunkRow = select.get(id, n) as { sealed: Buffer } | undefined;
      if (!chunkRow) throw damaged(`chunk ${n + 1} is missing`);
      const plain = openChunk(key, fileId, n, n === row.chunks - 1, chunkRow.sealed);
      if (!plain) throw damaged(`chunk ${n + 1} does not authenticate`);
      if (n < row.chunks - 1 && plain.length !== CHUNK_BYTES) throw damaged(`chunk ${n + 1} is short`);
      hash.update(plain);
      size += plain.length;
      yield plain;
    }
    const sha256 = hash.digest('hex');
    if (size !== row.size || sha256 !== row.sha256) throw damaged('its content does not match its SHA-256');
    if (expectedSha256 !== undefined && sha256 !== expectedSha256) {
      throw damaged("its content is not the one the case's history names");
    }
  } finally {
    wipe(key);
  }
}

/** Removes the content and the key of a file (nothing when it is not held). Returns whether it was. */
export function deleteFileContent(db: Database.Database, keys: EvidenceKeys, fileId: string): boolean {
  const id = fileRowId(keys, fileId);
  db.prepare('DELETE FROM file_chunks WHERE file = ?').run(id);
  return db.prepare('DELETE FROM file_keys WHERE id = ?').run(id).changes > 0;
}

/**
 * Checks every file held: each row opens, each chunk authenticates in its place, the SHA-256s
 * match, and no chunk belongs to no file. Returns the ids of the files held.
 */
export function checkAllFiles(db: Database.Database, keys: EvidenceKeys): string[] {
  const rows = db.prepare('SELECT id, sealed FROM file_keys').all() as Array<{ id: Buffer; sealed: Buffer }>;
  const known = new Set<string>();
  const fileIds: string[] = [];
  for (const row of rows) {
    const plain = openRow(keys.files, 'file_keys', row.id, row.sealed);
    const { fileId } = JSON.parse(new TextDecoder().decode(plain)) as { fileId: string };
    if (!Buffer.from(fileRowId(keys, fileId)).equals(row.id)) {
      throw rejectedError(
        `the vault row file_keys/${row.id.toString('hex')} is not where it belongs: the vault file was altered`,
        'vaultAltered',
      );
    }
    for (const chunk of readFileContent(db, keys, fileId)) chunk.fill(0);
    known.add(row.id.toString('hex'));
    fileIds.push(fileId);
  }
  for (const { file } of db.prepare('SELECT DISTINCT file FROM file_chunks').iterate() as Iterable<{ file: Buffer }>) {
    if (!known.has(file.toString('hex'))) {
      throw rejectedError(
        `the vault holds file chunks of no file (${file.toString('hex')}): the vault file was altered`,
        'vaultAltered',
      );
    }
  }
  return fileIds;
}
