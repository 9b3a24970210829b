import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPhoneMetadata, minimalJpeg, readMetadata } from '../../shared/evidence/testing/images.js';
import type { EvidenceFile } from '../../shared/model/case.js';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { addCase, crossing, expectCleanError, initVault, withPassphrase } from '../testing/runCrossing.js';

let dir: string;
let cleanup: () => void;
let vault: string;
let caseId: string;
const env = withPassphrase();

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'files.crossing-vault');
  initVault(vault);
  caseId = addCase(vault, { alias: 'A.' });
});
afterAll(() => cleanup());

type Listed = EvidenceFile & { id: string; held: boolean };
const list = (): Listed[] =>
  JSON.parse(crossing(['file', 'list', vault, caseId, '--json'], { env }).stdout) as Listed[];

describe('crossing file', () => {
  it('strips GPS from a phone photo on add, says so, and gives back a photo exiftool finds clean', () => {
    const photo = path.join(dir, 'injury.jpg');
    fs.writeFileSync(photo, minimalJpeg());
    addPhoneMetadata(photo);
    expect(readMetadata(photo)['EXIF:GPSLatitude']).toBeDefined();
    const added = crossing(['file', 'add', vault, caseId.slice(0, 6), photo, '--caption', 'left arm'], { env });
    expect(added.status, added.stderr).toBe(0);
    const id = added.stdout.trim();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(added.stderr).toContain('removed exif, gps, xmp, iptc, comment');

    const out = path.join(dir, 'copy.jpg');
    const got = crossing(['file', 'get', vault, id, '--out', out], { env });
    expect(got.status, got.stderr).toBe(0);
    expect(got.stderr).toContain('not encrypted');
    const meta = readMetadata(out);
    expect(Object.keys(meta).filter((k) => /GPS|Serial|XMP|IPTC|Comment/.test(k))).toEqual([]);
    expect(list().find((f) => f.id === id)).toMatchObject({
      kind: 'photo',
      caption: 'left arm',
      type: 'image/jpeg',
      removedMetadata: ['exif', 'gps', 'xmp', 'iptc', 'comment'],
      held: true,
    });
  });

  it('keeps the original bytes only when asked, and adds several files at once', () => {
    const photo = path.join(dir, 'keep.jpg');
    fs.writeFileSync(photo, minimalJpeg());
    addPhoneMetadata(photo);
    const pdf = path.join(dir, 'letter.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\nvisa letter');
    const added = crossing(['file', 'add', vault, caseId, photo, pdf, '--keep-metadata', '--kind', 'visa'], { env });
    expect(added.status, added.stderr).toBe(0);
    const [photoId, pdfId] = added.stdout.trim().split('\n');
    const out = path.join(dir, 'kept.jpg');
    expect(crossing(['file', 'get', vault, photoId!, '--out', out], { env }).status).toBe(0);
    expect(fs.readFileSync(out).equals(fs.readFileSync(photo))).toBe(true);
    expect(list().find((f) => f.id === pdfId)).toMatchObject({ type: 'application/pdf', kind: 'visa' });
  });

  it('never overwrites with get, and removes with remove', () => {
    const id = list()[0]!.id;
    const out = path.join(dir, 'exists.jpg');
    fs.writeFileSync(out, 'mine');
    const refused = crossing(['file', 'get', vault, id, '--out', out], { env });
    expect(refused.status).toBe(1);
    expectCleanError(refused);
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    const removed = crossing(['file', 'remove', vault, id], { env });
    expect(removed.status, removed.stderr).toBe(0);
    expect(list().map((f) => f.id)).not.toContain(id);
  });

  it('renames, recaptions and re-kinds a file with update, and unlinks a document with --document none', () => {
    const id = list()[0]!.id;
    const updated = crossing(
      ['file', 'update', vault, id.slice(0, 6), '--name', 'Visa letter.pdf', '--caption', '', '--kind', 'visa'],
      { env },
    );
    expect(updated.status, updated.stderr).toBe(0);
    expect(updated.stdout.trim()).toBe(`${id}: Visa letter.pdf`);
    expect(list().find((f) => f.id === id)).toMatchObject({ name: 'Visa letter.pdf', caption: null, kind: 'visa' });
    const unlinked = crossing(['file', 'update', vault, id, '--document', 'none'], { env });
    expect(unlinked.status, unlinked.stderr).toBe(0);
    expect(list().find((f) => f.id === id)?.documentId).toBeNull();
    const noDocument = crossing(['file', 'update', vault, id, '--document', 'nodoc1'], { env });
    expect(noDocument.status).toBe(1);
    expectCleanError(noDocument);
    expect(noDocument.stderr).toMatch(/no document nodoc1/);
  });

  it('answers bad input with one clear line and the usage exit code', () => {
    const cases: Array<[string[], RegExp]> = [
      [['file', 'add', vault, caseId, dir], /is a folder/],
      [['file', 'add', vault, caseId, path.join(dir, 'missing.jpg')], /no file at/],
      [['file', 'add', vault, caseId, path.join(dir, 'letter.pdf'), '--kind', 'selfie'], /--kind must be one of/],
      [['file', 'get', vault, 'zzzzzz', '--out', path.join(dir, 'x')], /no file zzzzzz/],
      [['file', 'get', vault, list()[0]!.id], /--out PATH/],
      [['file', 'update', vault, list()[0]!.id], /say what to change/],
      [['file', 'update', vault, list()[0]!.id, '--name', '  '], /--name must be/],
    ];
    for (const [args, message] of cases) {
      const result = crossing(args, { env });
      expect(result.status, args.join(' ')).toBe(1);
      expectCleanError(result);
      expect(result.stderr).toMatch(message);
    }
  });
});
