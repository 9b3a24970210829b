import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import { stripMetadata } from './stripMetadata.js';
import { addPhoneMetadata, minimalJpeg, minimalPng, readMetadata } from './testing/images.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

/** Tags that say where, when or on what: what must be gone after stripping. */
const REVEALING = /GPS|Serial|DateTimeOriginal|XMP|IPTC|Comment|Description|City/;
const revealingTags = (meta: Record<string, unknown>) => Object.keys(meta).filter((k) => REVEALING.test(k));

describe('stripping a JPEG (checked with exiftool)', () => {
  it('removes GPS, EXIF, XMP, IPTC and comments a phone wrote, and says so', () => {
    const file = path.join(dir, 'injury.jpg');
    fs.writeFileSync(file, minimalJpeg());
    addPhoneMetadata(file);
    const before = readMetadata(file);
    expect(before['EXIF:GPSLatitude']).toBeDefined();
    expect(before['EXIF:SerialNumber']).toBe('SAFEHOUSE-CAMERA-0042');
    expect(revealingTags(before).length).toBeGreaterThan(4);

    const stripped = stripMetadata('image/jpeg', fs.readFileSync(file));
    expect(stripped.removed).toEqual(['exif', 'gps', 'xmp', 'iptc', 'comment']);
    const out = path.join(dir, 'stripped.jpg');
    fs.writeFileSync(out, stripped.bytes);
    const after = readMetadata(out);
    expect(revealingTags(after)).toEqual([]);
    expect(after['File:FileType']).toBe('JPEG');
    // The picture is untouched: the scan (from SOS to the end) is the same bytes.
    const scan = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));
    expect(scan(Buffer.from(stripped.bytes)).equals(scan(fs.readFileSync(file)))).toBe(true);
  });

  it('keeps a JPEG without metadata byte for byte', () => {
    const plain = minimalJpeg();
    const stripped = stripMetadata('image/jpeg', plain);
    expect(stripped.removed).toEqual([]);
    expect(Buffer.from(stripped.bytes).equals(plain)).toBe(true);
  });

  it('refuses a JPEG whose segments run past its end', () => {
    const cut = minimalJpeg().subarray(0, 10);
    expect(() => stripMetadata('image/jpeg', cut)).toThrow(/runs past the end|cut/);
  });
});

describe('stripping a PNG', () => {
  it('removes text and time chunks and names them', () => {
    const file = path.join(dir, 'scan.png');
    fs.writeFileSync(file, minimalPng({ text: { Comment: 'taken at the safe house' }, time: true }));
    expect(readMetadata(file)['PNG:Comment']).toBe('taken at the safe house');
    const stripped = stripMetadata('image/png', fs.readFileSync(file));
    expect(stripped.removed).toEqual(['text', 'time']);
    const out = path.join(dir, 'stripped.png');
    fs.writeFileSync(out, stripped.bytes);
    const after = readMetadata(out);
    expect(after['PNG:Comment']).toBeUndefined();
    expect(after['PNG:ModifyDate']).toBeUndefined();
    expect(after['PNG:ImageWidth']).toBe(2);
  });

  it('leaves other types alone', () => {
    const pdf = Buffer.from('%PDF-1.4 body');
    expect(stripMetadata('application/pdf', pdf)).toEqual({ bytes: pdf, removed: [] });
  });
});
