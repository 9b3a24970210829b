import { usageError } from '../../shared/errors.js';
import { megabytes } from '../../shared/evidence/sourceFile.js';
import { saveCopy } from '../../shared/evidence/saveCopy.js';
import { EVIDENCE_KINDS, type EvidenceFile } from '../../shared/model/case.js';
import type { WithId } from '../../shared/oplog/fold.js';
import type { FileChange } from '../../shared/vault/vault.js';
import { defineCommand } from '../command.js';
import { withVault } from '../openVault.js';
import { printJson, printLine, printLines, printNotice } from '../output.js';
import { UNLOCK_HELP, unlockOptions } from '../secrets.js';

const KIND_HELP = `  --kind K                   ${EVIDENCE_KINDS.join(', ')} (default: photo for pictures, other otherwise)`;

function parseKind(value: string | undefined): EvidenceFile['kind'] | undefined {
  if (value === undefined) return undefined;
  if (!(EVIDENCE_KINDS as readonly string[]).includes(value)) {
    throw usageError(`--kind must be one of ${EVIDENCE_KINDS.join(', ')}, not ${JSON.stringify(value)}`, 'commandLine');
  }
  return value as EvidenceFile['kind'];
}

function parseMaxSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,4}$/.test(value))
    throw usageError('--max-size must be a whole number of megabytes, 1 to 99999', 'commandLine');
  return Number(value) * 1024 * 1024;
}

export const fileAddCommand = defineCommand({
  name: ['file', 'add'],
  summary: "add evidence files (scans, photos) to a case, encrypted; prints the files' ids",
  usage: 'VAULT CASE PATH... [--kind K] [--caption TEXT] [--keep-metadata]',
  help: `Seals each file into the vault, in chunks under a key of its own, and adds it to the case.
The file's type is read from its content, not its name. From a JPEG or PNG, everything that says
where, when or on what it was taken (EXIF with GPS, XMP, IPTC, comments) is removed first, and
what was removed is printed. Either every file given is added, or (one refused) none.
CASE may be the first 4 or more characters of the case id.

${KIND_HELP}
  --caption TEXT             a caption for every file given
  --document ID              link the files to one of the case's document records
  --keep-metadata            keep the original bytes, location and device data included
  --max-size MB              the largest file accepted, in megabytes (default 100)
${UNLOCK_HELP}`,
  options: {
    ...unlockOptions,
    kind: { type: 'string' },
    caption: { type: 'string' },
    document: { type: 'string' },
    'keep-metadata': { type: 'boolean' },
    'max-size': { type: 'string' },
  },
  positionals: ['VAULT', 'CASE', 'PATH'],
  repeatLast: true,
  async run(values, [vaultPath, caseIdOrPrefix, ...paths]) {
    // Checked before the passphrase is asked: bad input never needs the vault.
    const kind = parseKind(values.kind);
    const maxBytes = parseMaxSize(values['max-size']);
    const added = await withVault(vaultPath!, values, (vault) =>
      vault.addFiles(vault.resolveCaseId(caseIdOrPrefix!), paths, {
        kind,
        caption: values.caption ?? null,
        documentId: values.document ?? null,
        keepMetadata: values['keep-metadata'] ?? false,
        maxBytes,
      }),
    );
    added.forEach((file, i) => {
      printLine(file.id);
      if (file.removedMetadata.length > 0) {
        printNotice(`${paths[i]}: removed ${file.removedMetadata.join(', ')}`);
      } else if (file.keptMetadata) {
        printNotice(`${paths[i]}: kept as it is, with any location and device data in it`);
      }
    });
  },
});

export const fileListCommand = defineCommand({
  name: ['file', 'list'],
  summary: "list a case's evidence files",
  usage: 'VAULT CASE [--json]',
  help: `Lists the files of a case: id, kind, name, size and type, caption, and whether this vault
holds the content (a case received without its files lists them as held elsewhere).

  --json                     print the files as a JSON array
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'boolean' } },
  positionals: ['VAULT', 'CASE'],
  async run(values, [vaultPath, caseIdOrPrefix]) {
    await withVault(
      vaultPath!,
      values,
      (vault) => {
        const files = vault.getCase(vault.resolveCaseId(caseIdOrPrefix!)).files;
        const held = files.map((file) => vault.holdsFileContent(file.id));
        if (values.json) return printJson(files.map((file, i) => ({ ...file, held: held[i] })));
        if (files.length === 0) return printLine('no files');
        printLines(files.map((file, i) => formatFileLine(file, held[i]!)));
      },
      { readOnly: true },
    );
  },
});

function formatFileLine(file: WithId<EvidenceFile>, held: boolean): string {
  const caption = file.caption ? `  “${file.caption}”` : '';
  const where = held ? '' : `  (content not in this vault: held by ${file.addedBy.slice(0, 16)})`;
  return `${file.id}  ${file.kind}  ${file.name}  ${megabytes(file.size)} ${file.type}${caption}${where}`;
}

export const fileGetCommand = defineCommand({
  name: ['file', 'get'],
  summary: 'write a decrypted copy of an evidence file (never over an existing file)',
  usage: 'VAULT FILE-ID --out PATH',
  help: `Decrypts a file to PATH, checking every chunk and the SHA-256 first; nothing is left at
PATH unless the whole file checks out. PATH must not exist. The copy is NOT encrypted: keep it
only as long as you need it. FILE-ID may be the first 4 or more characters of the id.

  --out PATH                 where to write the copy
${UNLOCK_HELP}`,
  options: { ...unlockOptions, out: { type: 'string' } },
  positionals: ['VAULT', 'FILE-ID'],
  async run(values, [vaultPath, fileIdOrPrefix]) {
    const out = values.out;
    if (out === undefined) throw usageError('give where to write the copy with --out PATH', 'commandLine');
    const written = await withVault(vaultPath!, values, (vault) => saveCopy(vault.readFile(fileIdOrPrefix!), out), {
      readOnly: true,
    });
    printNotice(`wrote ${written} bytes to ${out}; the copy is not encrypted`);
  },
});

export const fileRemoveCommand = defineCommand({
  name: ['file', 'remove'],
  summary: 'remove an evidence file from its case, content included',
  usage: 'VAULT FILE-ID',
  help: `Removes the file from its case (the history keeps that it was there, and who removed it)
and its content and key from this vault. FILE-ID may be the first 4 or more characters of the id.

${UNLOCK_HELP}`,
  options: { ...unlockOptions },
  positionals: ['VAULT', 'FILE-ID'],
  async run(values, [vaultPath, fileIdOrPrefix]) {
    const removed = await withVault(vaultPath!, values, (vault) => {
      const { file } = vault.findFile(fileIdOrPrefix!);
      vault.removeFile(file.id);
      return file;
    });
    printLine(`${removed.id}: removed`);
  },
});

export const fileUpdateCommand = defineCommand({
  name: ['file', 'update'],
  summary: 'rename an evidence file, recaption it, change its kind or the document it belongs to',
  usage: 'VAULT FILE-ID [--name NAME] [--caption TEXT] [--kind K] [--document ID|none]',
  help: `Changes what is said about a file; its content stays as it is. Each change is an op in the
case's history, and merges like any other. FILE-ID may be the first 4 or more characters of the id.

  --name NAME                the name shown for the file
  --caption TEXT             a caption ("" removes it)
  --kind K                   ${EVIDENCE_KINDS.join(', ')}
  --document ID|none         link the file to one of the case's document records, or unlink it
${UNLOCK_HELP}`,
  options: {
    ...unlockOptions,
    name: { type: 'string' },
    caption: { type: 'string' },
    kind: { type: 'string' },
    document: { type: 'string' },
  },
  positionals: ['VAULT', 'FILE-ID'],
  async run(values, [vaultPath, fileIdOrPrefix]) {
    const change: FileChange = {};
    if (values.name !== undefined) {
      const name = values.name.trim();
      if (!name || name.length > 255) throw usageError('--name must be 1 to 255 characters', 'commandLine');
      change.name = name;
    }
    if (values.caption !== undefined) change.caption = values.caption.trim() || null;
    if (values.kind !== undefined) change.kind = parseKind(values.kind);
    if (values.document !== undefined) change.documentId = values.document === 'none' ? null : values.document;
    if (Object.keys(change).length === 0) {
      throw usageError('say what to change: --name, --caption, --kind or --document', 'commandLine');
    }
    const updated = await withVault(vaultPath!, values, (vault) => {
      const { file } = vault.findFile(fileIdOrPrefix!);
      return vault.updateFile(file.id, change);
    });
    printLine(`${updated.id}: ${updated.name}`);
  },
});

export const fileCommands = [fileAddCommand, fileListCommand, fileGetCommand, fileUpdateCommand, fileRemoveCommand];
