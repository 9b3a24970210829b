import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { rejectedError } from '../errors.js';
import type { EvidenceFile } from '../model/case.js';
import { idSchema, type Op } from '../oplog/ops.js';
import type { Vault } from '../vault/vault.js';

/**
 * Evidence files in sealed exports, hand-offs and backups. Their descriptions travel as ops like
 * every item; their content travels beside the ops in the signed bundle, inside the same age
 * encryption (so `age -d` still decrypts the whole file, and shows each file as base64). A bundle
 * sent with "leave files out" carries the descriptions only: the recipient sees which files exist
 * and who holds them.
 *
 * On import every file is checked before anything is written: it is named by a file op of the
 * bundle (or one held here) with the same SHA-256, and its bytes have that SHA-256. Then the files
 * not yet held are sealed in the same transaction as the ops.
 */
export const bundleFileSchema = z.strictObject({
  fileId: idSchema,
  caseId: idSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  content: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' }),
});
export type BundleFile = z.output<typeof bundleFileSchema>;

/** The content of every file of these cases that this vault holds. */
export function collectBundleFiles(vault: Vault, caseIds: readonly string[]): BundleFile[] {
  const out: BundleFile[] = [];
  for (const caseId of caseIds) {
    // Ops waiting for their case's create op have no files to send.
    const files = vault.listCases().length && vault.opCaseIds().includes(caseId) ? filesOf(vault, caseId) : [];
    for (const file of files) {
      if (!vault.holdsFileContent(file.id)) continue;
      const parts = [...vault.readFile(file.id)].map((c) => Buffer.from(c));
      const whole = Buffer.concat(parts);
      for (const part of parts) part.fill(0);
      out.push({ fileId: file.id, caseId, sha256: file.sha256, content: whole.toString('base64') });
      whole.fill(0);
    }
  }
  return out;
}

function filesOf(vault: Vault, caseId: string): Array<EvidenceFile & { id: string }> {
  try {
    return vault.getCase(caseId).files;
  } catch {
    return [];
  }
}

export interface ReceivedFile {
  fileId: string;
  caseId: string;
  bytes: Buffer;
}

/**
 * Checks every file of a bundle against the ops that describe it and against its own SHA-256.
 * Throws naming the first that fails; returns the files with their bytes, to be written.
 */
export function checkBundleFiles(
  files: readonly unknown[] | undefined,
  ops: readonly Op[],
  heldSha256: (fileId: string) => string | undefined,
  refuse: (what: string) => Error = (what) => rejectedError(what, 'importFiles'),
): ReceivedFile[] {
  if (!files || files.length === 0) return [];
  const described = new Map<string, { caseId: string; sha256: Set<string> }>();
  for (const op of ops) {
    const items =
      op.type === 'item' && op.list === 'files'
        ? [[op.itemId, op.value] as const]
        : op.type === 'create'
          ? Object.entries(op.items.files ?? {})
          : [];
    for (const [fileId, value] of items) {
      if (!value) continue;
      const entry = described.get(fileId) ?? { caseId: op.caseId, sha256: new Set<string>() };
      entry.sha256.add((value as EvidenceFile).sha256);
      described.set(fileId, entry);
    }
  }
  return files.map((candidate, i) => {
    const parsed = bundleFileSchema.safeParse(candidate);
    if (!parsed.success) throw refuse(`file ${i + 1} of the bundle is malformed`);
    const file = parsed.data;
    const known = described.get(file.fileId);
    const held = heldSha256(file.fileId);
    if (!(known?.sha256.has(file.sha256) && known.caseId === file.caseId) && held !== file.sha256) {
      throw refuse(`file ${i + 1} of the bundle (${file.fileId}) is not one its cases describe: the file was altered`);
    }
    const bytes = Buffer.from(file.content, 'base64');
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    if (bytes.length === 0 || sha256 !== file.sha256) {
      bytes.fill(0);
      throw refuse(`file ${i + 1} of the bundle (${file.fileId}) does not match its SHA-256: the file was altered`);
    }
    return { fileId: file.fileId, caseId: file.caseId, bytes };
  });
}

/** Inside the merge's transaction: seals the files not yet held, of cases not purged here. */
export function storeReceivedFiles(vault: Vault, db: Database.Database, files: readonly ReceivedFile[]): number {
  let stored = 0;
  for (const file of files) {
    if (vault.isTombstoned(file.caseId)) continue;
    if (vault.storeReceivedFile(db, file.fileId, file.caseId, file.bytes)) stored += 1;
  }
  return stored;
}

export function wipeReceived(files: readonly ReceivedFile[]): void {
  for (const file of files) file.bytes.fill(0);
}
