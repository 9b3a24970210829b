import type { EvidenceFile } from '../model/case.js';

/**
 * Removing what a photo says about where, when and on what it was taken. A phone writes GPS
 * coordinates, the time and the device's serial number into EXIF (and often XMP); a photo of an
 * injury taken in a safe house gives the safe house away. The picture itself is left byte for byte.
 *
 * JPEG: every APPn segment but APP0 (JFIF), APP2 ICC_PROFILE (colours) and APP14 (Adobe colour
 * transform, needed to decode), and every comment. PNG: eXIf, the text chunks (tEXt, zTXt, iTXt,
 * where XMP lives) and tIME. Anything else passes through unchanged.
 */
export type MetadataKind = EvidenceFile['removedMetadata'][number];

export interface Stripped {
  bytes: Uint8Array;
  /** What was found and removed, in a fixed order; empty when the file carried none. */
  removed: MetadataKind[];
}

const ORDER: readonly MetadataKind[] = ['exif', 'gps', 'xmp', 'iptc', 'comment', 'text', 'time', 'other'];

export function stripMetadata(mime: string, bytes: Uint8Array): Stripped {
  if (mime === 'image/jpeg') return stripJpeg(bytes);
  if (mime === 'image/png') return stripPng(bytes);
  return { bytes, removed: [] };
}

/** Whether stripping applies to this type at all (the others are stored as they are). */
export function canStrip(mime: string): boolean {
  return mime === 'image/jpeg' || mime === 'image/png';
}

function sorted(found: Set<MetadataKind>): MetadataKind[] {
  return ORDER.filter((kind) => found.has(kind));
}

const text = (bytes: Uint8Array, from: number, length: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(length, bytes.length - from))).toString(
    'latin1',
  );

// ---- JPEG ------------------------------------------------------------------------------------

const SOI = 0xd8;
const SOS = 0xda;
const EOI = 0xd9;
const COM = 0xfe;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP13 = 0xed;
const APP14 = 0xee;

function stripJpeg(bytes: Uint8Array): Stripped {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) throw new Error('the JPEG does not start with its start-of-image marker');
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  const found = new Set<MetadataKind>();
  let at = 2;
  for (;;) {
    if (at >= bytes.length) throw new Error('the JPEG ends before its image data');
    if (bytes[at] !== 0xff) throw new Error(`the JPEG has no segment marker at byte ${at}`);
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === EOI || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      if (marker === EOI) break;
      continue;
    }
    if (at + 4 > bytes.length) throw new Error('the JPEG is cut inside a segment header');
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length)
      throw new Error(`the JPEG segment at byte ${at} runs past the end of the file`);
    if (marker === SOS) {
      kept.push(bytes.subarray(at)); // the image data and everything after it: left as it is
      break;
    }
    const kind = jpegMetadataKind(marker, bytes, at + 4, length - 2);
    if (kind) for (const k of kind) found.add(k);
    else kept.push(bytes.subarray(at, end));
    at = end;
  }
  if (found.size === 0) return { bytes, removed: [] };
  return { bytes: Buffer.concat(kept), removed: sorted(found) };
}

/** What a segment holds when it is metadata to remove; null when it is kept. */
function jpegMetadataKind(marker: number, bytes: Uint8Array, body: number, length: number): MetadataKind[] | null {
  if (marker === COM) return ['comment'];
  if (marker < APP0 || marker > 0xef || marker === APP0 || marker === APP14) return null;
  if (marker === APP2 && text(bytes, body, 12) === 'ICC_PROFILE\u0000') return null;
  if (marker === APP1 && text(bytes, body, 6) === 'Exif\u0000\u0000') {
    return exifHasGps(bytes.subarray(body + 6, body + length)) ? ['exif', 'gps'] : ['exif'];
  }
  if (marker === APP1 && text(bytes, body, 29).startsWith('http://ns.adobe.com/xap/1.0/')) return ['xmp'];
  if (marker === APP13) return ['iptc'];
  return ['other'];
}

/** Whether a TIFF structure (EXIF's body) has a GPS directory in its first directory (tag 0x8825). */
export function exifHasGps(tiff: Uint8Array): boolean {
  if (tiff.length < 8) return false;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (at: number) => view.getUint16(at, little);
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return false;
  const count = u16(ifd);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 2 > tiff.length) return false;
    if (u16(entry) === 0x8825) return true;
  }
  return false;
}

// ---- PNG -------------------------------------------------------------------------------------

const PNG_SIGNATURE = 8;
const PNG_METADATA: Record<string, MetadataKind> = {
  eXIf: 'exif',
  tEXt: 'text',
  zTXt: 'text',
  iTXt: 'text',
  tIME: 'time',
};

function stripPng(bytes: Uint8Array): Stripped {
  const kept: Uint8Array[] = [bytes.subarray(0, PNG_SIGNATURE)];
  const found = new Set<MetadataKind>();
  let at = PNG_SIGNATURE;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) throw new Error(`the PNG is cut inside the chunk at byte ${at}`);
    const length = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0);
    const type = text(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length) throw new Error(`the PNG chunk ${type} at byte ${at} runs past the end of the file`);
    const kind = PNG_METADATA[type];
    if (kind) {
      // XMP in a PNG is an iTXt chunk with this keyword: name it, as a person would look for it.
      found.add(type === 'iTXt' && text(bytes, at + 8, 17) === 'XML:com.adobe.xmp' ? 'xmp' : kind);
    } else {
      kept.push(bytes.subarray(at, end));
    }
    at = end;
    if (type === 'IEND') break;
  }
  if (found.size === 0) return { bytes, removed: [] };
  return { bytes: Buffer.concat(kept), removed: sorted(found) };
}
