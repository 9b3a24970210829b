import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CrossingError } from '../errors.js';
import type { EvidenceFile } from '../model/case.js';
import { itemOp } from '../oplog/caseOps.js';
import { makeTempDir } from '../testing/tempDir.js';
import { Vault } from '../vault/vault.js';
import { minimalPng } from './testing/images.js';
import { readForViewing } from './viewFile.js';

/** The viewer trusts a file's bytes, not the type its op states: a colleague's vault can state anything. */
let dir: string;
let cleanup: () => void;
let vault: Vault;
let caseId: string;

beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir('crossing-view-'));
  ({ vault } = await Vault.create(path.join(dir, 'v.crossing-vault'), {
    passphrase: 'view test passphrase',
    kdf: 'interactive',
    displayName: 'Test',
  }));
  caseId = vault.addCase({ alias: 'A.' }).id;
});
afterEach(() => {
  vault.lock();
  cleanup();
});

function add(name: string, bytes: Buffer) {
  fs.writeFileSync(path.join(dir, name), bytes);
  return vault.addFile(caseId, path.join(dir, name));
}

/** What a colleague's vault might send: an op stating another type for the file, merged as received ops are. */
function relabel(fileId: string, type: string): void {
  const { id: _id, ...file } = vault.getCase(caseId).files.find((f) => f.id === fileId)!;
  const added = vault.caseOps(caseId).find((op) => op.type === 'item' && op.itemId === fileId)!;
  const value: EvidenceFile = { ...file, type };
  vault.mergeOps([itemOp(caseId, 'files', fileId, value, [added.id], vault.opContext())]);
}

const refusal = (fileId: string) => {
  try {
    readForViewing(vault, fileId);
  } catch (error) {
    return error as CrossingError;
  }
  throw new Error('the file was given to the viewer');
};

it('gives a picture whose bytes are the type its op states to the viewer', () => {
  const png = minimalPng({ width: 20, height: 10 });
  const photo = add('photo.png', png);
  const shown = readForViewing(vault, photo.id);
  expect(shown).toMatchObject({ type: 'image/png', view: 'image' });
  expect(Buffer.from(shown.base64, 'base64').equals(png)).toBe(true);
});

it('refuses a program whose op calls it a picture, with a reason the UI translates', () => {
  const program = add('tool', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), crypto.randomBytes(200)]));
  relabel(program.id, 'image/png');
  expect(vault.getCase(caseId).files[0]).toMatchObject({ type: 'image/png' });
  const error = refusal(program.id);
  expect(error).toMatchObject({ code: 'rejected', reason: 'fileMislabelled', params: { name: 'tool' } });
  expect(error.message).toMatch(/recorded as image\/png but its content is a program \(application\/x-elf\)/);
});

it('refuses a viewable file whose op states another viewable type (a picture called a PDF)', () => {
  const photo = add('photo.png', minimalPng());
  relabel(photo.id, 'application/pdf');
  expect(refusal(photo.id)).toMatchObject({ reason: 'fileMislabelled' });
});

it('still refuses a type the app never shows, before reading any of it', () => {
  const program = add('tool', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), crypto.randomBytes(200)]));
  expect(refusal(program.id)).toMatchObject({ reason: 'fileNotShowable' });
});
