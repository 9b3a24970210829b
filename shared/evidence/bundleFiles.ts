import type Database from 'better-sqlite3';
import { rejectedError } from '../errors.js';
import { contentTypeOf, detectContentType } from './contentType.js';
import type { EvidenceFile } from '../model/case.js';
import type { Op } from '../oplog/ops.js';
import type { Vault } from '../vault/vault.js';
import type { BundleFile } from '../exchange/bundle.js';
import type { OpenedBundle } from '../exchange/openBundle.js';

/**
 * Evidence files in sealed exports, hand-offs and backups. Their descriptions travel as ops like
 * every item; their content travels after the signed bundle text, inside the same age encryption
 * (so `age -d` still decrypts the whole file), each described in the bundle by id, case, size and
 * SHA-256 (shared/exchange/bundle.ts). A bundle sent with "leave files out" carries the
 * descriptions only: the recipient sees which files exist and who holds them.
 *
 * On import every file is checked before anything is written: it is named by a file op of the
 * bundle (or one held here) with the same SHA-256, and its bytes, hashed as they were read, have
 * that SHA-256. Then the files not yet held are streamed into the vault in the same transaction
 * as the ops, checked again as they stream.
 */
export type { BundleFile };

/** A file to send: its description, and its content read chunk by chunk when it is written. */
export interface OutgoingFile extends BundleFile {
  content: () => Iterable<Uint8Array>;
}

/** The files of these cases whose content this vault holds, to be read as the export is written. */
export function collectBundleFiles(vault: Vault, caseIds: readonly string[]): OutgoingFile[] {
  const out: OutgoingFile[] = [];
  const known = new Set(vault.opCaseIds());
  for (const caseId of caseIds) {
    // Ops waiting for their case's create op have no files to send.
    const files = known.has(caseId) ? filesOf(vault, caseId) : [];
    for (const file of files) {
      if (!vault.holdsFileContent(file.id)) continue;
      out.push({
        fileId: file.id,
        caseId,
        size: file.size,
        sha256: file.sha256,
        content: () => vault.readFile(file.id),
      });
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

/**
 * The bytes of each file in turn, checked against its stated size as they are read: a file that
 * is not the size the bundle states would shift every byte after it.
 */
export function* outgoingContent(files: readonly OutgoingFile[]): Generator<Uint8Array> {
  for (const file of files) {
    let size = 0;
    for (const chunk of file.content()) {
      size += chunk.length;
      if (size > file.size) break;
      yield chunk;
    }
    if (size !== file.size) {
      throw rejectedError(
        `file ${file.fileId} does not have the size its record states: the vault file was altered; restore a backup`,
        'vaultAltered',
      );
    }
  }
}

/**
 * Checks every file of a bundle against the ops that describe it and against what its bytes hashed
 * to. Throws naming the first that fails; returns which files (by position) may be stored.
 */
export function checkBundleFiles(
  opened: Pick<OpenedBundle, 'bundle' | 'contents'>,
  ops: readonly Op[],
  heldSha256: (fileId: string) => string | undefined,
  refuse: (what: string) => Error = (what) => rejectedError(what, 'importFiles'),
): void {
  const files = opened.bundle.files ?? [];
  if (files.length === 0) return;
  // Per file: its case, and the type each op states for each content (by SHA-256) it describes.
  const described = new Map<string, { caseId: string; sha256: Map<string, Set<string>> }>();
  for (const op of ops) {
    const items =
      op.type === 'item' && op.list === 'files'
        ? [[op.itemId, op.value] as const]
        : op.type === 'create'
          ? Object.entries(op.items.files ?? {})
          : [];
    for (const [fileId, value] of items) {
      if (!value) continue;
      const { sha256, type } = value as EvidenceFile;
      const entry = described.get(fileId) ?? { caseId: op.caseId, sha256: new Map<string, Set<string>>() };
      entry.sha256.set(sha256, (entry.sha256.get(sha256) ?? new Set()).add(type));
      described.set(fileId, entry);
    }
  }
  files.forEach((file, i) => {
    const known = described.get(file.fileId);
    const held = heldSha256(file.fileId);
    if (!(known?.sha256.has(file.sha256) && known.caseId === file.caseId) && held !== file.sha256) {
      throw refuse(`file ${i + 1} of the bundle (${file.fileId}) is not one its cases describe: the file was altered`);
    }
    const content = opened.contents[i];
    if (content?.sha256 !== file.sha256) {
      throw refuse(`file ${i + 1} of the bundle (${file.fileId}) does not match its SHA-256: the file was altered`);
    }
    const mislabelled = [...(known?.sha256.get(file.sha256) ?? [])].find((type) => !typeFits(type, content.head));
    if (mislabelled) {
      throw refuse(
        `file ${i + 1} of the bundle (${file.fileId}) is described as ${mislabelled} but its content is ` +
          `${detectContentType(content.head).mime}: the sender's vault mislabelled it, or the file was altered`,
      );
    }
  });
}

/**
 * A type an op states fits the content unless it is one the app would show and the content's own
 * first bytes say otherwise (a program called a picture). Such a file is refused, not relabelled:
 * its description is a signed op that every vault must hold unchanged, so a corrected copy would be
 * history rewritten here alone; and a sender whose vault states a false type is not to be trusted
 * with the rest of the file either. A type the app never shows is harmless whatever the content.
 */
function typeFits(statedType: string, head: Uint8Array): boolean {
  if (contentTypeOf(statedType).view === null) return true;
  return detectContentType(head).mime === statedType;
}

/**
 * Inside the merge's transaction: streams the files not yet held, of cases not purged here, into
 * the vault. Every file is read and checked again, stored or not; a failure throws and the
 * transaction leaves nothing behind. Returns how many were stored.
 */
export function storeReceivedFiles(vault: Vault, db: Database.Database, opened: OpenedBundle): number {
  let stored = 0;
  opened.replayFiles((file, pieces) => {
    if (vault.isTombstoned(file.caseId)) return;
    if (vault.storeReceivedFile(db, file.fileId, file.caseId, pieces)) stored += 1;
  });
  return stored;
}
